"""Site settings: edited in the admin, the environment until then, cached, every field checked."""

import io

import pytest
from django.core import mail
from django.core.cache import cache, caches
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from articles.models import SiteLink, SiteSettings
from articles.site import CHROME_KEY, site_settings
from newsletter.emails import confirmation_message
from newsletter.models import Subscriber
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_sitesettings_add")


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.com", "pw"))
    return client


def valid_data(**changes):
    data = {
        "name": "Good News Daily",
        "tagline": "",
        "description": "Science-based good news.",
        "sender_name": "Good News Daily",
        "sender_email": "news@goodnews.example.org",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
    }
    return data | changes


def test_the_environment_is_the_default_until_saved(settings):
    settings.SITE_NAME = "Env News"
    settings.DEFAULT_FROM_EMAIL = "Env News <hello@env.example.org>"
    site = site_settings()
    assert site.name == "Env News"
    assert site.sender == "Env News <hello@env.example.org>"


def test_a_localhost_sender_is_replaced_by_the_site_domain(settings):
    settings.DEFAULT_FROM_EMAIL = "Good News Daily <news@localhost>"
    settings.SITE_URL = "https://goodnews.example.org"
    assert site_settings().sender_email == "news@goodnews.example.org"
    settings.SITE_URL = "http://127.0.0.1:8000"
    assert site_settings().sender_email == "news@example.com"


def test_the_admin_offers_the_environment_then_edits_the_one_row(editor_client, settings):
    settings.SITE_NAME = "Env News"
    response = editor_client.get(reverse("admin:articles_sitesettings_changelist"))
    assert response.url == ADD_URL
    assert editor_client.get(ADD_URL).context["adminform"].form.initial["name"] == "Env News"
    response = editor_client.post(ADD_URL, valid_data(name="Saved News"))
    assert response.status_code == 302
    assert SiteSettings.objects.get().pk == 1
    assert site_settings().name == "Saved News"
    changelist = editor_client.get(reverse("admin:articles_sitesettings_changelist"))
    assert changelist.url == reverse("admin:articles_sitesettings_change", args=[1])
    assert editor_client.get(ADD_URL).url == changelist.url


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("sender_email", "not an address"),
        ("x_handle", "@this handle is far too long"),
        ("mastodon_url", "javascript:alert(1)"),
        ("bluesky_url", "http://bsky.app/profile/x"),
    ],
)
def test_fields_are_validated(editor_client, field, value):
    response = editor_client.post(ADD_URL, valid_data(**{field: value}))
    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    assert not SiteSettings.objects.exists()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "//evil.example", "ftp://x.example"])
def test_links_are_local_paths_or_web_addresses(url):
    with pytest.raises(ValidationError):
        SiteLink(site=SiteSettings(pk=1), label="x", url=url).full_clean(exclude=["site"])
    SiteLink(label="About", url="/about/").full_clean(exclude=["site"])


def test_the_logo_goes_through_the_image_checks(editor_client):
    bogus = SimpleUploadedFile("logo.png", b"not an image", content_type="image/png")
    response = editor_client.post(ADD_URL, valid_data(logo=bogus))
    assert "logo" in response.context["adminform"].form.errors
    buffer = io.BytesIO()
    Image.new("RGB", (600, 600), "#0f766e").save(buffer, "PNG")
    logo = SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")
    assert editor_client.post(ADD_URL, valid_data(logo=logo)).status_code == 302
    assert (site_settings().logo_width, site_settings().logo_height) == (600, 600)


def test_saving_the_settings_retires_cached_pages(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    story = ArticleFactory()
    site = SiteSettings.from_environment()
    site.save()
    assert client.get(story.get_absolute_url())["X-Cache"] == "miss"
    assert client.get(story.get_absolute_url())["X-Cache"] == "hit"
    site.name = "Renamed Daily"
    site.save()
    response = client.get(story.get_absolute_url())
    assert response["X-Cache"] == "miss"
    assert "Renamed Daily" in response.text
    SiteLink.objects.create(site=site, place="footer", label="Our funders", url="/about/")
    response = client.get(story.get_absolute_url())
    assert response["X-Cache"] == "miss"
    assert "Our funders" in response.text
    cache.clear()


def test_pages_spend_no_query_on_the_settings(client, django_assert_num_queries):
    SiteSettings.from_environment().save()
    client.get("/")
    with django_assert_num_queries(0):
        site_settings()


@pytest.mark.parametrize("page", ["home", "story", "category"])
def test_a_page_reads_the_site_chrome_from_the_cache_once(client, monkeypatch, page):
    story = ArticleFactory()
    url = {
        "home": "/",
        "story": story.get_absolute_url(),
        "category": story.category.get_absolute_url(),
    }[page]
    client.get(url)
    backend, reads = caches["default"], []
    get = backend.get
    monkeypatch.setattr(backend, "get", lambda key, *args: reads.append(key) or get(key, *args))
    assert client.get(url).status_code == 200
    assert reads.count(CHROME_KEY) == 1


def test_newsletters_come_from_the_saved_sender():
    site = SiteSettings.from_environment()
    site.sender_name, site.sender_email = "The Editors", "editors@goodnews.example.org"
    site.save()
    message = confirmation_message(Subscriber.objects.create(email="reader@example.com"))
    assert message.from_email == "The Editors <editors@goodnews.example.org>"
    assert not mail.outbox
