"""The admin's header and sidebar: the publication's own, and only what editors work with."""

import pytest
from django.urls import reverse

from tests.articles.roles import make_user

pytestmark = pytest.mark.django_db


def sidebar(client, role):
    client.force_login(make_user(role))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return response


def model_names(response):
    return [model["object_name"] for app in response.context["app_list"] for model in app["models"]]


def test_header_names_the_publication_with_its_logo(client, settings):
    settings.SITE_NAME = "Good News Daily"
    html = sidebar(client, "editor").content.decode()
    assert "Django administration" not in html
    assert "<span>Good News Daily</span>" in html
    assert 'class="site-brand-logo"' in html
    assert "<title>Newsroom | Good News Daily newsroom</title>" in html


def test_the_login_page_is_branded_too(client, settings):
    settings.SITE_NAME = "Good News Daily"
    html = client.get(reverse("admin:login")).content.decode()
    assert "Good News Daily" in html and "Django" not in html


@pytest.mark.parametrize("role", ["writer", "editor", "newsletter_manager"])
def test_editors_see_editorial_models_only(client, role):
    names = model_names(sidebar(client, role))
    assert names, "every role has something to work on"
    for technical in ["Tag", "DBTaskResult", "SlugRedirect", "Group", "User", "Revision"]:
        assert technical not in names


def test_editors_meet_stories_first(client):
    names = model_names(sidebar(client, "editor"))
    assert names[:5] == ["Article", "Page", "Image", "Author", "Source"]


def test_newsletter_managers_meet_the_newsletter(client):
    assert {"Edition", "Subscriber"} <= set(model_names(sidebar(client, "newsletter_manager")))


def test_superusers_see_the_technical_models_too(client):
    names = model_names(sidebar(client, "superuser"))
    assert {"Tag", "SlugRedirect", "Group", "User"} <= set(names)
