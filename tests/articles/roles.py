"""Users in each newsroom role, for the workflow and admin tests."""

from django.contrib.auth.models import AnonymousUser, Group, User

from articles.roles import EDITOR, WRITER
from newsletter.roles import NEWSLETTER_MANAGER
from tests.factories import AuthorFactory

ROLES = ["anonymous", "writer", "other_writer", "editor", "newsletter_manager", "superuser"]
GROUPS = {
    "writer": WRITER,
    "other_writer": WRITER,
    "editor": EDITOR,
    "newsletter_manager": NEWSLETTER_MANAGER,
}


def make_user(role):
    if role == "anonymous":
        return AnonymousUser()
    if role == "superuser":
        return User.objects.create_superuser(role, f"{role}@example.com", "pw")
    user = User.objects.create_user(role, f"{role}@example.com", "pw", is_staff=True)
    user.groups.add(Group.objects.get(name=GROUPS[role]))
    if role in {"writer", "other_writer"}:
        AuthorFactory(name=role.replace("_", " ").title(), user=user)
    return User.objects.get(pk=user.pk)  # fresh, without cached permissions


def make_users():
    return {role: make_user(role) for role in ROLES}
