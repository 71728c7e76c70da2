"""Security headers and cookies, on public pages and in the admin."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from tests.factories import ArticleFactory, CategoryFactory
from tests.newsroom.test_settings import settings_in_subprocess

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def policy(response):
    header = response["Content-Security-Policy"]
    return {directive.split()[0]: directive.split()[1:] for directive in header.split("; ")}


@pytest.fixture
def pages(client):
    story = ArticleFactory()
    User.objects.create_superuser("boss", "boss@example.com", "pw")
    return [
        reverse("articles:home"),
        story.get_absolute_url(),
        reverse("articles:feed_rss"),
        reverse("admin:login"),
        "/no-such-page/",
    ]


def test_every_response_carries_the_security_headers(client, pages):
    for url in pages:
        response = client.get(url)
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", url
        assert response["X-Frame-Options"] == "DENY", url
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", url
        directives = policy(response)
        assert directives["frame-ancestors"] == ["'none'"], url
        assert directives["object-src"] == ["'none'"], url
        for kind in ["script-src", "style-src"]:
            assert "'unsafe-inline'" not in directives[kind], url
            assert "'self'" in directives[kind], url
        assert "Server" not in response and "X-Powered-By" not in response, url


def test_the_admin_is_under_the_same_policy(client, pages):
    client.force_login(User.objects.get(username="boss"))
    response = client.get(reverse("admin:articles_article_add"))
    assert response.status_code == 200
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])
    assert nonce, "the admin's scripts carry the request's nonce"


def test_an_email_preview_keeps_its_inline_styles_but_runs_nothing(client):
    from tests.newsletter.factories import EditionFactory

    client.force_login(User.objects.create_superuser("boss", "boss@example.com", "pw"))
    edition = EditionFactory()
    response = client.get(reverse("newsletter:edition_preview", args=[edition.pk]))
    assert response.status_code == 200
    directives = policy(response)
    assert directives["default-src"] == ["'none'"]
    assert "script-src" not in directives  # so default-src 'none' refuses every script
    assert directives["frame-ancestors"] == ["'none'"]


def test_category_colours_come_from_a_stylesheet(client):
    category = CategoryFactory(colour="#2563eb")
    ArticleFactory(category=category)
    home = client.get(reverse("articles:home")).content.decode()
    assert f"category-{category.pk}" in home and "style=" not in home
    response = client.get(reverse("articles:category_colours"))
    assert response["Content-Type"].startswith("text/css")
    assert f".category-{category.pk} {{ --badge: {category.badge_colour}; }}" in response.text


def test_no_page_template_has_inline_script_style_or_handlers():
    """Emails keep their inline styles (mail programs need them); no page has any."""
    inline = re.compile(
        r"""style=|<style|\son\w+=|javascript:|<script(?![^>]*\bsrc=)(?![^>]*ld\+json)"""
    )
    for template in TEMPLATES.rglob("*.html"):
        if "email" in template.parts:
            continue
        assert not inline.search(template.read_text()), template


def test_production_settings_turn_on_hsts_and_secure_cookies(tmp_path):
    env = {
        "NEWSROOM_DATA_DIR": str(tmp_path),
        "DJANGO_SECRET_KEY": "x",
        "DJANGO_DEBUG": "0",
        "SITE_URL": "https://news.example.org",
    }
    expression = (
        "s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, s.CSRF_COOKIE_SAMESITE"
    )
    result = settings_in_subprocess(env, expression)
    assert result.stdout.strip() == "(31536000, True, True, True, 'Lax', 'Lax')", result.stderr
    local = settings_in_subprocess(env | {"SITE_URL": "http://127.0.0.1:8000"}, expression)
    assert local.stdout.strip().startswith("(0, False, False")


def test_hsts_is_sent_over_https(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get(reverse("articles:home"), secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000"
