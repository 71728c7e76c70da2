"""Forms and links under attack: missing CSRF, hostile uploads, tampered and replayed tokens."""

import io
import struct
import zlib

import pytest
from django import forms
from django.apps import apps
from django.contrib import admin
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import Client, RequestFactory
from django.urls import reverse
from PIL import Image

from articles.forms import CheckedImageField
from articles.preview import preview_token, shared_preview_url
from newsletter.models import Subscriber
from newsletter.tokens import confirm_token, manage_token
from tests.newsletter.factories import SubscriberFactory
from tests.security.conftest import tiny_jpeg

pytestmark = pytest.mark.django_db


# CSRF: every form that changes something refuses a POST without Django's token.


def csrf_client(client_for, role):
    return client_for(role, enforce_csrf_checks=True)


def test_every_protected_form_refuses_a_post_without_a_csrf_token(client_for, hostile):
    token = manage_token(hostile["subscriber"])
    anonymous = csrf_client(client_for, "anonymous")
    for url, data in [
        (reverse("newsletter:index"), {"email": "new@example.com"}),
        (reverse("newsletter:new_link"), {"email": "reader@example.com"}),
        (reverse("newsletter:preferences", kwargs={"token": token}), {"action": "weekly"}),
        (reverse("admin:login"), {"username": "superuser", "password": "pw"}),
    ]:
        assert anonymous.post(url, data).status_code == 403, url
    editor = csrf_client(client_for, "superuser")
    story = hostile["story"]
    for url, data in [
        (reverse("admin:articles_article_add"), {"title": "x"}),
        (reverse("admin:articles_article_change", args=[story.pk]), {"title": "x"}),
        (reverse("admin:articles_article_delete", args=[story.pk]), {"post": "yes"}),
        (reverse("admin:articles_article_changelist"), {"action": "publish_selected"}),
        (reverse("admin:newsletter_subscriber_import"), {}),
        (reverse("admin:newsletter_edition_changelist"), {"action": "send_now"}),
        (reverse("admin:logout"), {}),
    ]:
        assert editor.post(url, data).status_code == 403, url
    story.refresh_from_db()
    assert story.title.startswith("Title")
    assert Subscriber.objects.get(pk=hostile["subscriber"].pk).frequency == "daily"


def test_the_csrf_exempt_signup_box_refuses_other_sites(client_for, aged_form_token, mailoutbox):
    client = csrf_client(client_for, "anonymous")
    data = {"email": "victim@example.com", "form_token": aged_form_token}
    url = reverse("newsletter:subscribe")
    for headers in [
        {"origin": "https://evil.example"},
        {"referer": "https://evil.example/page"},
        {"origin": "null"},
        {"sec-fetch-site": "cross-site", "origin": "https://news.example.org"},
    ]:
        assert client.post(url, data, headers=headers).status_code == 403, headers
    # Without either header, a second step carrying Django's token decides.
    second = client.post(url, data)
    assert second.status_code == 200 and b"csrfmiddlewaretoken" in second.content
    assert not Subscriber.objects.filter(email="victim@example.com").exists()
    assert mailoutbox == []


@pytest.fixture
def aged_form_token():
    import time

    from newsletter.tokens import FORM_SALT

    return signing.dumps(time.time() - 10, salt=FORM_SALT)


# Uploads: every image field of every model, through the form field its admin uses.


def png(width, height, data=b""):
    """A PNG header claiming `width` × `height`, with `data` as its (broken) pixels."""

    def chunk(kind, body):
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def gif_js():
    buffer = io.BytesIO()
    Image.new("P", (2, 2)).save(buffer, "GIF")
    return buffer.getvalue() + b"*/=1;alert(1)//<script>alert(1)</script>"


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
REFUSED = {
    "text named .jpg": ("photo.jpg", b"<html><script>alert(1)</script></html>"),
    "svg with script": ("logo.svg", SVG),
    "svg named .jpg": ("logo.jpg", SVG),
    "truncated jpeg": ("cut.jpg", tiny_jpeg((64, 64))[:300]),
    "decompression bomb": ("bomb.png", png(40_000, 40_000, zlib.compress(b"\0" * 1000))),
    "huge dimensions": ("wide.png", png(10_000, 5_000, zlib.compress(b"\0" * 1000))),
    "html named .html": ("page.html", tiny_jpeg() + b"<script>alert(1)</script>"),
    "empty": ("empty.jpg", b""),
}
# Valid images carrying a script: accepted as images, stored and served as images only.
POLYGLOTS = {
    "gif/js": ("poly.gif", gif_js()),
    "jpeg/html": ("poly.jpg", tiny_jpeg() + b"<html><script>alert(1)</script></html>"),
}


def image_fields():
    """(model admin, field name) for every ImageField of a registered model."""
    request = RequestFactory().get("/")
    found = []
    for model in apps.get_models():
        model_admin = admin.site._registry.get(model)
        for field in model._meta.get_fields():
            if isinstance(field, models.ImageField) and field.editable:
                found.append((model_admin, model, field.name, request))
    return found


def form_field(model_admin, model, name, request, users):
    request.user = users["superuser"]
    return model_admin.get_form(request)().fields[name]


def test_every_image_field_is_checked_before_decoding(users):
    fields = image_fields()
    assert {(model.__name__, name) for _, model, name, _ in fields} >= {
        ("Article", "hero_image"),
        ("Author", "photo"),
    }
    for model_admin, model, name, request in fields:
        assert model_admin is not None, f"{model.__name__}.{name} has no admin"
        field = form_field(model_admin, model, name, request, users)
        assert isinstance(field, CheckedImageField), f"{model.__name__}.{name}"


@pytest.mark.parametrize("kind", REFUSED)
def test_hostile_uploads_are_refused_by_every_image_field(users, kind):
    filename, content = REFUSED[kind]
    for model_admin, model, name, request in image_fields():
        field = form_field(model_admin, model, name, request, users)
        with pytest.raises(forms.ValidationError):
            field.clean(SimpleUploadedFile(filename, content))


@pytest.mark.parametrize("kind", POLYGLOTS)
def test_polyglot_images_are_served_as_images_only(client_for, hostile, kind, settings):
    filename, content = POLYGLOTS[kind]
    author = hostile["author"]
    client = client_for("superuser")
    response = client.post(
        reverse("admin:articles_author_change", args=[author.pk]),
        {"name": "Ann", "slug": author.slug, "photo": SimpleUploadedFile(filename, content)},
    )
    assert response.status_code == 302, response.content[:2000]
    author.refresh_from_db()
    assert author.photo.name.endswith((".gif", ".jpg"))
    served = Client().get(author.photo.url)
    assert served.status_code == 200
    assert served["Content-Type"].startswith("image/")
    assert served["X-Content-Type-Options"] == "nosniff"
    served.close()


# Signed links: tampered ones get the link-problem page, replayed ones change nothing.


def tampered(token):
    yield token[:-1] + ("A" if token[-1] != "A" else "B")
    yield token + "x"
    yield token.split(":")[0]
    yield "x" * 2000
    value, _, rest = token.partition(":")
    yield f"{value[:-1]}{'1' if value[-1] == '0' else '0'}:{rest}"  # another subscriber's key
    yield signing.TimestampSigner(key="not-our-secret", salt="newsletter.manage").sign(value)


def test_tampered_subscriber_links_get_the_link_problem_page(client):
    subscriber = SubscriberFactory()
    for name, token in [
        ("newsletter:confirm", confirm_token(subscriber)),
        ("newsletter:unsubscribe", manage_token(subscriber)),
        ("newsletter:preferences", manage_token(subscriber)),
    ]:
        for bad in tampered(token):
            for method in ["get", "post"] if name != "newsletter:confirm" else ["get"]:
                response = getattr(client, method)(reverse(name, kwargs={"token": bad}))
                assert response.status_code in {400, 403, 404}, (name, bad, method)
                assert b"new link" in response.content.lower(), (name, bad)
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.SUBSCRIBED


def test_a_link_of_one_kind_opens_no_other(client):
    subscriber = SubscriberFactory(status=Subscriber.Status.PENDING, confirmed_at=None)
    confirm = confirm_token(subscriber)
    for name in ["newsletter:unsubscribe", "newsletter:preferences"]:
        assert client.get(reverse(name, kwargs={"token": confirm})).status_code == 400
    manage = manage_token(subscriber)
    assert client.get(reverse("newsletter:confirm", kwargs={"token": manage})).status_code == 400
    assert client.get(shared_preview_url_from(manage)).status_code == 404
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def shared_preview_url_from(token):
    return reverse("articles:shared_preview", kwargs={"token": token})


def test_a_replayed_confirmation_is_harmless(client, mailoutbox):
    subscriber = SubscriberFactory(status=Subscriber.Status.PENDING, confirmed_at=None)
    url = reverse("newsletter:confirm", kwargs={"token": confirm_token(subscriber)})
    assert client.get(url).status_code == 200
    confirmed_at = Subscriber.objects.get(pk=subscriber.pk).confirmed_at
    assert client.get(url).status_code == 200  # a mail scanner, then the person
    assert Subscriber.objects.get(pk=subscriber.pk).confirmed_at == confirmed_at
    unsubscribe = reverse("newsletter:unsubscribe", kwargs={"token": manage_token(subscriber)})
    assert client.post(unsubscribe).status_code == 200
    assert client.post(unsubscribe).status_code == 200  # one-click sent twice
    # An old confirmation link does not undo an unsubscribe.
    assert client.get(url).status_code == 400
    assert Subscriber.objects.get(pk=subscriber.pk).status == Subscriber.Status.UNSUBSCRIBED
    assert mailoutbox == []


def test_a_link_for_an_erased_subscriber_is_a_link_problem(client):
    from newsletter import subscribers

    subscriber = SubscriberFactory()
    token = manage_token(subscriber)
    subscribers.subscriber_erase(subscriber=subscriber)
    response = client.get(reverse("newsletter:preferences", kwargs={"token": token}))
    assert response.status_code == 400


def test_tampered_and_foreign_preview_links_open_nothing(client, hostile):
    secret = hostile["secret"]
    token = preview_token(secret)
    for bad in [*tampered(token), signing.dumps(secret.pk, salt="other", compress=True)]:
        response = client.get(reverse("articles:shared_preview", kwargs={"token": bad}))
        assert response.status_code == 404
        assert b"Secret draft headline" not in response.content
    # A token for a story that is gone, or an id past 64 bits.
    for pk in [10**6, 10**20]:
        forged = signing.dumps(pk, salt="articles.preview", compress=True)
        response = client.get(reverse("articles:shared_preview", kwargs={"token": forged}))
        assert response.status_code == 404
    assert client.get(shared_preview_url(secret)).status_code == 200  # the real one works


def test_the_old_slug_redirect_goes_only_to_the_story(client, hostile):
    response = client.get("/old-hostile-story/")
    assert response.status_code == 301
    assert response.url == hostile["story"].get_absolute_url()
    hostile["story"].status = "draft"
    hostile["story"].save()
    assert client.get("/old-hostile-story/").status_code == 404
