"""The admin's "view on site" shortcut (/admin/r/<type>/<id>/) for every role."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.articles.roles import ROLES, make_users
from tests.factories import ArticleFactory
from tests.newsletter.factories import SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def users():
    return make_users()


def view_on_site(client, users, role, obj):
    if role != "anonymous":
        client.force_login(users[role])
    content_type = ContentType.objects.get_for_model(obj)
    return client.get(reverse("admin:view_on_site", args=[content_type.pk, obj.pk]))


def assert_not_redirected_to_site(response, role):
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_a_subscribers_signed_link_is_never_handed_out(client, users, role):
    subscriber = SubscriberFactory()
    response = view_on_site(client, users, role, subscriber)
    assert_not_redirected_to_site(response, role)
    assert "/newsletter/" not in response.get("Location", "")


@pytest.mark.parametrize("role", ROLES)
def test_a_draft_never_redirects_to_its_address(client, users, role):
    draft = ArticleFactory(
        status=Article.Status.DRAFT, published_at=None, created_by=users["writer"]
    )
    response = view_on_site(client, users, role, draft)
    assert_not_redirected_to_site(response, role)
    assert draft.slug not in response.get("Location", "")


REDIRECTED = {"writer", "editor", "newsletter_manager", "superuser"}


@pytest.mark.parametrize("role", ROLES)
def test_a_published_story_redirects_those_who_may_see_it_in_the_admin(client, users, role):
    story = ArticleFactory(
        published_at=timezone.now() - timedelta(days=1), created_by=users["writer"]
    )
    response = view_on_site(client, users, role, story)
    if role in REDIRECTED:
        assert response.status_code == 302
        assert response["Location"].endswith(story.get_absolute_url())
    else:  # another writer does not see it in the admin, so is not told it exists
        assert_not_redirected_to_site(response, role)


@pytest.mark.parametrize("object_id", ["abc", "99999999999999999999999", "1%00"])
def test_nonsense_ids_are_not_found(client, users, object_id):
    client.force_login(users["editor"])
    content_type = ContentType.objects.get_for_model(Article)
    url = reverse("admin:view_on_site", args=[content_type.pk, 1]).replace("/1/", f"/{object_id}/")
    assert client.get(url).status_code == 404


def test_an_unknown_content_type_is_not_found(client, users):
    client.force_login(users["superuser"])
    assert client.get(reverse("admin:view_on_site", args=[999999, 1])).status_code == 404
