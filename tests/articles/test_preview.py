from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article
from articles.preview import shared_preview_url, staff_preview_url
from tests.articles.roles import ROLES, make_users
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
Status = Article.Status


@pytest.fixture
def users():
    return make_users()


@pytest.fixture
def draft(users):
    return ArticleFactory(
        status=Status.DRAFT, published_at=None, created_by=users["writer"], title="Secret draft"
    )


SEES_STAFF_PREVIEW = {"writer", "editor", "superuser"}  # newsletter managers: live stories only


@pytest.mark.parametrize("role", ROLES)
def test_staff_preview_access(client, users, draft, role):
    if role != "anonymous":
        client.force_login(users[role])
    response = client.get(staff_preview_url(draft))
    if role in SEES_STAFF_PREVIEW:
        assert response.status_code == 200
        assert "Secret draft" in response.content.decode()
        assert response.context["article"] == draft
    else:
        assert response.status_code == 404


def test_preview_uses_the_real_page_and_is_never_cached(client, users, draft):
    client.force_login(users["editor"])
    response = client.get(staff_preview_url(draft))
    assert [t.name for t in response.templates][0] == "articles/article_detail.html"
    assert "no-store" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


@pytest.mark.parametrize(
    ("status", "delta"),
    [
        (Status.DRAFT, None),
        (Status.IN_REVIEW, None),
        (Status.PUBLISHED, 1),
        (Status.UNPUBLISHED, -1),
    ],
)
def test_unpublished_stories_are_404_to_the_public_but_previewable(client, users, status, delta):
    when = None if delta is None else timezone.now() + timedelta(days=delta)
    article = ArticleFactory(status=status, published_at=when)
    assert client.get(article.get_absolute_url()).status_code == 404
    client.force_login(users["editor"])
    assert client.get(article.get_absolute_url()).status_code == 404
    assert client.get(staff_preview_url(article)).status_code == 200


def test_a_shared_link_works_without_an_account_until_it_expires(client, draft):
    now = timezone.now()
    with time_machine.travel(now, tick=False):
        url = shared_preview_url(draft)
        response = client.get(url)
        assert response.status_code == 200
        assert "Secret draft" in response.content.decode()
        assert "no-store" in response["Cache-Control"]
    with time_machine.travel(now + timedelta(days=6, hours=23), tick=False):
        assert client.get(url).status_code == 200
    with time_machine.travel(now + timedelta(days=7, minutes=1), tick=False):
        assert client.get(url).status_code == 404


def test_a_tampered_link_is_404(client, draft):
    url = shared_preview_url(draft)
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert client.get(url.replace(token, token[:-2] + "xx")).status_code == 404
    assert client.get("/preview/shared/not-a-token/").status_code == 404


def test_the_change_form_offers_both_previews(client, users, draft):
    client.force_login(users["editor"])
    html = client.get(f"/admin/articles/article/{draft.pk}/change/").content.decode()
    assert f'href="{staff_preview_url(draft)}"' in html
    assert "/preview/shared/" in html
