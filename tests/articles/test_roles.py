from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from articles.roles import EDITOR, WRITER, roles_sync
from newsletter.roles import NEWSLETTER_MANAGER

pytestmark = pytest.mark.django_db


def codenames(group_name):
    group = Group.objects.get(name=group_name)
    return {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }


def test_the_roles_exist_after_migrate():
    writer, editor = codenames(WRITER), codenames(EDITOR)
    assert {"articles.add_article", "articles.change_article", "articles.add_citation"} <= writer
    assert (
        not {"articles.publish_article", "articles.feature_article", "articles.delete_article"}
        & writer
    )
    assert {
        "articles.publish_article",
        "articles.feature_article",
        "articles.delete_article",
    } <= editor
    assert {"articles.change_category", "taggit.change_tag"} <= editor
    assert "articles.view_article" in codenames(NEWSLETTER_MANAGER)
    assert not any(name.startswith("auth.") for name in codenames(NEWSLETTER_MANAGER))


def test_permissions_of_models_added_later_join_their_role():
    edition = ContentType.objects.get_or_create(app_label="newsletter", model="edition")[0]
    send = Permission.objects.create(content_type=edition, codename="send_edition", name="Send")
    roles_sync(group_model=Group, permission_model=Permission)
    assert "newsletter.send_edition" in codenames(NEWSLETTER_MANAGER)
    assert send not in Group.objects.get(name=WRITER).permissions.all()


def test_sync_keeps_permissions_given_by_hand():
    writers = Group.objects.get(name=WRITER)
    extra = Permission.objects.get(codename="delete_source")
    writers.permissions.add(extra)
    roles_sync(group_model=Group, permission_model=Permission)
    assert extra in writers.permissions.all()


def test_demo_accounts(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    out = StringIO()
    call_command("demo_editor", stdout=out)
    call_command("demo_editor", stdout=out)  # idempotent
    editor, writer = User.objects.get(username="editor"), User.objects.get(username="writer")
    assert editor.is_superuser and editor.groups.filter(name=EDITOR).exists()
    assert writer.is_staff and not writer.is_superuser
    assert writer.has_perm("articles.add_article")
    assert not writer.has_perm("articles.publish_article")
    assert writer.author.name == "Demo Writer"
    assert editor.author.name == "Demo Editor"  # every demo account has a byline
    password = (tmp_path / "demo-writer-password").read_text()
    assert f"username 'writer', password '{password}'" in out.getvalue()
