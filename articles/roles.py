"""
The newsroom's roles, as Django groups, and the permissions each one holds.

Each app declares the roles it owns in its own `roles.py` and registers them with
`roles_declare` from its AppConfig.ready; this module keeps that register, `roles_sync`, and
the articles' roles. A permission is "app_label.codename", or "app_label.*" for every
permission of that app, so a role keeps up with models added later: `roles_sync` runs after
every `migrate` and adds whatever is missing. It never removes a permission given by hand.
"""

WRITER = "Writer"
EDITOR = "Editor"

_STORY_PARTS = ["articleauthor", "study", "citation", "taggedarticle", "correction"]

ROLES = {
    WRITER: [
        "articles.add_article",
        "articles.change_article",
        "articles.view_article",
        "articles.view_category",
        "articles.view_author",
        "articles.view_series",
        "articles.view_source",
        "articles.add_source",
        *(f"articles.{action}_{model}" for model in _STORY_PARTS for action in
          ("add", "change", "delete", "view")),
        "taggit.add_tag",
        "taggit.view_tag",
    ],
    EDITOR: [
        "articles.*",
        "taggit.*",
        "auth.view_user",
    ],
}  # fmt: skip

# Every app's roles, by group name, as registered by roles_declare().
DECLARED = {}


def roles_declare(roles):
    """Registers an app's roles: {group name: [permission, ...]}; a role may gather several."""
    for name, wanted in roles.items():
        permissions = DECLARED.setdefault(name, [])
        permissions.extend(permission for permission in wanted if permission not in permissions)


def roles_sync(*, group_model, permission_model, using="default", roles=None):
    """Create the role groups and add each one's missing permissions that exist by now."""
    permissions = list(permission_model.objects.using(using).select_related("content_type"))
    for name, wanted in (DECLARED if roles is None else roles).items():
        group, _ = group_model.objects.using(using).get_or_create(name=name)
        have = set(group.permissions.values_list("pk", flat=True))
        group.permissions.add(
            *(p.pk for p in permissions if p.pk not in have and _matches(p, wanted))
        )


def _matches(permission, wanted):
    app_label = permission.content_type.app_label
    return f"{app_label}.*" in wanted or f"{app_label}.{permission.codename}" in wanted


def roles_sync_after_migrate(sender, using="default", **kwargs):
    """Connected to post_migrate, which runs after auth has created the permissions."""
    from django.contrib.auth.models import Group, Permission

    roles_sync(group_model=Group, permission_model=Permission, using=using)
