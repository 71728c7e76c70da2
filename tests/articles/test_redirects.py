from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, SlugRedirect
from tests.articles.admin_forms import change_url, form_data
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.com", "pw"))
    return client


def rename(client, article, slug):
    data = form_data(client.get(change_url(article))) | {"slug": slug}
    assert client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()


def test_renaming_a_published_story_redirects_permanently(client, editor_client):
    article = ArticleFactory(slug="old-name")
    rename(editor_client, article, "new-name")
    client.logout()
    response = client.get("/old-name/")
    assert response.status_code == 301
    assert response["Location"] == "/new-name/"
    assert client.get("/new-name/").status_code == 200


def test_chains_collapse_to_the_current_address(client, editor_client):
    article = ArticleFactory(slug="first")
    rename(editor_client, article, "second")
    rename(editor_client, article, "third")
    assert client.get("/first/")["Location"] == "/third/"
    assert client.get("/second/")["Location"] == "/third/"


def test_renaming_back_drops_the_redirect(client, editor_client):
    article = ArticleFactory(slug="first")
    rename(editor_client, article, "second")
    rename(editor_client, article, "first")
    assert client.get("/first/").status_code == 200
    assert client.get("/second/")["Location"] == "/first/"
    assert not SlugRedirect.objects.filter(old_slug="first").exists()


@pytest.mark.parametrize(
    ("status", "published_at"),
    [
        (Article.Status.DRAFT, None),
        (Article.Status.PUBLISHED, timezone.now() + timedelta(days=1)),
    ],
)
def test_stories_never_published_keep_no_old_addresses(editor_client, status, published_at):
    article = ArticleFactory(slug="draft-name", status=status, published_at=published_at)
    rename(editor_client, article, "better-name")
    assert not SlugRedirect.objects.exists()


def test_an_unpublished_story_is_not_reached_through_an_old_address(client, editor_client):
    article = ArticleFactory(slug="old-name")
    rename(editor_client, article, "new-name")
    Article.objects.filter(pk=article.pk).update(status=Article.Status.UNPUBLISHED)
    assert client.get("/old-name/").status_code == 404


def test_a_live_story_wins_over_an_old_address(client, editor_client):
    article = ArticleFactory(slug="taken")
    rename(editor_client, article, "moved")
    newcomer = ArticleFactory(slug="taken", title="The newcomer")
    response = client.get("/taken/")
    assert response.status_code == 200
    assert response.context["article"] == newcomer
