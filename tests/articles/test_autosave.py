"""Nothing lost: autosaved copies per person, presence, and no silent overwrite."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticleAutosave
from tests.articles.admin_forms import ADD_URL, change_url, form_data
from tests.articles.roles import ROLES, make_users
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
Status = Article.Status
AUTOSAVE = reverse("admin:articles_article_autosave")
DATA = {"title": ["Hedgehogs, unsaved"], "body": ["<p>Half a sentence</p>"]}


@pytest.fixture
def users():
    return make_users()


def login(client, users, role):
    if role != "anonymous":
        client.force_login(users[role])
    return client


def store(client, article=None, token="", data=DATA):
    pk = article.pk if article else ""
    return client.post(AUTOSAVE, {"article": pk, "token": token, "data": json.dumps(data)})


# Who may keep a copy of the writer's draft: those who may edit it.
MAY_AUTOSAVE = {"writer", "editor", "superuser"}


@pytest.mark.parametrize("role", ROLES)
def test_autosave_permissions_per_role(client, users, role):
    draft = ArticleFactory(status=Status.DRAFT, published_at=None, created_by=users["writer"])
    client = login(client, users, role)
    response = store(client, draft)
    if role in MAY_AUTOSAVE:
        assert response.status_code == 200
        copy = ArticleAutosave.objects.get(user=users[role])
        assert copy.article == draft and copy.data == DATA
        got = client.get(AUTOSAVE, {"article": draft.pk}).json()["copy"]
        assert got["data"] == DATA
    else:
        assert response.status_code in {302, 403, 404}
        assert not ArticleAutosave.objects.exists()
        assert client.get(AUTOSAVE, {"article": draft.pk}).status_code in {302, 403, 404}


def test_a_writer_reads_only_their_own_copy(client, users):
    draft = ArticleFactory(status=Status.DRAFT, published_at=None, created_by=users["writer"])
    store(login(client, users, "editor"), draft, data={"title": ["The editor's version"]})
    client.force_login(users["writer"])
    assert client.get(AUTOSAVE, {"article": draft.pk}).json()["copy"] is None
    store(client, draft)
    assert client.get(AUTOSAVE, {"article": draft.pk}).json()["copy"]["data"] == DATA
    assert ArticleAutosave.objects.count() == 2


def test_a_writer_cannot_autosave_a_published_story_of_theirs(client, users):
    live = ArticleFactory(
        status=Status.PUBLISHED,
        published_at=timezone.now() - timedelta(days=1),
        created_by=users["writer"],
    )
    assert store(login(client, users, "writer"), live).status_code == 403


def test_the_add_form_copy_is_kept_by_token_and_dropped_on_save(client, users):
    client = login(client, users, "writer")
    assert store(client, token="").status_code == 400
    assert store(client, token="page-1").status_code == 200
    assert store(client, token="page-1").status_code == 200  # updated, not added
    assert client.get(AUTOSAVE, {"article": ""}).json()["copy"]["token"] == "page-1"
    data = form_data(client.get(ADD_URL)) | {
        "title": "Hedgehogs",
        "slug": "hedgehogs",
        "standfirst": "They are back.",
        "category": ArticleFactory().category.pk,
        "autosave_token": "page-1",
    }
    assert client.post(ADD_URL, data).status_code == 302
    assert not ArticleAutosave.objects.exists()


def test_a_copy_older_than_the_last_save_is_not_offered(client, users):
    draft = ArticleFactory(status=Status.DRAFT, published_at=None, created_by=users["writer"])
    client = login(client, users, "writer")
    store(client, draft)
    ArticleAutosave.objects.update(saved_at=timezone.now() - timedelta(hours=1))
    assert client.get(AUTOSAVE, {"article": draft.pk}).json()["copy"] is None


def test_the_form_carries_the_autosave_script_and_version(client, users):
    draft = ArticleFactory(status=Status.DRAFT, published_at=None, created_by=users["writer"])
    html = login(client, users, "writer").get(change_url(draft)).content.decode()
    assert "/static/js/autosave.js" in html
    assert 'name="loaded_version"' in html
    assert reverse("admin:articles_article_presence", args=[draft.pk]) in html


def test_presence_tells_who_else_is_editing(client, users, django_user_model):
    draft = ArticleFactory(status=Status.DRAFT, published_at=None, created_by=users["writer"])
    url = reverse("admin:articles_article_presence", args=[draft.pk])
    users["editor"].first_name, users["editor"].last_name = "Ana", "Silva"
    users["editor"].save()
    login(client, users, "editor").post(url)
    client.force_login(users["writer"])
    assert client.post(url).json() == {"others": ["Ana Silva"]}
    client.force_login(users["other_writer"])
    assert client.post(url).status_code == 404  # not their story


def test_a_save_over_a_newer_save_is_refused(client, users):
    draft = ArticleFactory(
        status=Status.DRAFT, published_at=None, created_by=users["writer"], title="First"
    )
    client = login(client, users, "writer")
    mine = form_data(client.get(change_url(draft))) | {"title": "Mine"}
    # Meanwhile an editor saves the story.
    Article.objects.filter(pk=draft.pk).update(
        title="Theirs", modified_at=timezone.now() + timedelta(seconds=5)
    )
    response = client.post(change_url(draft), mine)
    assert response.status_code == 200
    html = response.content.decode()
    assert "your changes were not saved over theirs" in html
    assert reverse("admin:articles_article_history", args=[draft.pk]) in html
    assert "Mine</textarea>" in html  # the text is still in the form
    assert Article.objects.get(pk=draft.pk).title == "Theirs"


def test_saving_twice_from_fresh_forms_is_fine(client, users):
    draft = ArticleFactory(status=Status.DRAFT, published_at=None, created_by=users["writer"])
    client = login(client, users, "writer")
    for title in ["One", "Two"]:
        data = form_data(client.get(change_url(draft))) | {"title": title}
        assert client.post(change_url(draft), data).status_code == 302
    assert Article.objects.get(pk=draft.pk).title == "Two"
