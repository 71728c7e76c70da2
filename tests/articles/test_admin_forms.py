"""The article form: rich text sanitised whatever is posted, images checked before use."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from articles import forms as article_forms
from articles.models import Article
from tests.articles.admin_forms import change_url, form_data
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.com", "pw"))
    return client


def post(client, article, **changes):
    data = form_data(client.get(change_url(article))) | changes
    return client.post(change_url(article), data)


XSS = [
    ("<p>Hi<script>alert(1)</script></p>", "<p>Hi</p>"),
    ('<p><img src=x onerror="alert(1)">Text</p>', "<p>Text</p>"),
    (
        '<p><a href="javascript:alert(1)">link</a></p>',
        '<p><a rel="noopener noreferrer">link</a></p>',
    ),
    ('<p onclick="alert(1)" style="color:red">Hi</p>', "<p>Hi</p>"),
    ('<iframe src="https://evil.example"></iframe><p>After</p>', "<p>After</p>"),
    ("<svg><script>alert(1)</script></svg><p>x</p>", "<p>x</p>"),
]


@pytest.mark.parametrize(("payload", "stored"), XSS)
def test_xss_through_the_admin_form_is_stored_sanitised(editor_client, payload, stored):
    article = ArticleFactory()
    response = post(editor_client, article, body=payload)
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).body == stored


@pytest.mark.parametrize("slug", ["search", "newsletter", "admin"])
def test_a_slug_taken_by_another_page_is_refused(editor_client, slug):
    article = ArticleFactory()
    response = post(editor_client, article, slug=slug)
    assert response.status_code == 200
    assert "belongs to another page" in str(response.context["adminform"].form.errors["slug"])
    assert Article.objects.get(pk=article.pk).slug == article.slug


def test_editor_formatting_survives(editor_client):
    body = (
        "<h2>Sub</h2><h3>Subsub</h3><p><strong>b</strong> <em>i</em> "
        '<a href="https://example.org/">link</a></p>'
        "<ul><li><p>one</p></li></ul><ol><li><p>two</p></li></ol><blockquote><p>q</p></blockquote>"
    )
    article = ArticleFactory()
    post(editor_client, article, body=body)
    stored = Article.objects.get(pk=article.pk).body
    for fragment in ["<h2>Sub</h2>", "<h3>", "<strong>b</strong>", "<em>i</em>", "<blockquote>"]:
        assert fragment in stored
    assert '<a href="https://example.org/" rel="noopener noreferrer">link</a>' in stored


def test_the_body_uses_the_prose_editor(editor_client):
    html = editor_client.get(change_url(ArticleFactory())).content.decode()
    assert "data-django-prose-editor-configurable" in html
    assert "django_prose_editor/editor.js" in html


def image_bytes(fmt="PNG", size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "#0f766e").save(buffer, fmt)
    return buffer.getvalue()


def png_header(width, height):
    """A PNG that only claims its size: what a decompression bomb looks like to Pillow.open."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


def upload(editor_client, content, name="hero.png", alt="A hedgehog in a garden"):
    article = ArticleFactory()
    response = post(
        editor_client,
        article,
        hero_image=SimpleUploadedFile(name, content),
        hero_image_alt=alt,
    )
    article.refresh_from_db()
    return response, article


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP", "GIF"])
def test_a_real_image_is_saved_and_previewed(editor_client, fmt):
    response, article = upload(editor_client, image_bytes(fmt), name=f"hero.{fmt.lower()}")
    assert response.status_code == 302
    assert article.hero_image
    html = editor_client.get(change_url(article)).content.decode()
    assert f'<img src="{article.hero_image.url}" alt="A hedgehog in a garden"' in html


@pytest.mark.parametrize(
    ("content", "name", "error"),
    [
        (b"not an image at all", "hero.png", "this file is not one, or it is damaged"),
        (image_bytes("BMP"), "hero.bmp", "BMP images are not accepted"),
        (png_header(30_000, 30_000), "bomb.png", "far too many pixels"),
        (png_header(8_000, 6_000), "huge.png", "8000 × 6000 pixels; the limit is 40 megapixels"),
        (image_bytes()[:-20] + b"garbage", "cut.png", "this file is not one, or it is damaged"),
    ],
)
def test_bad_images_are_form_errors(editor_client, content, name, error):
    response, article = upload(editor_client, content, name=name)
    assert response.status_code == 200
    assert error in str(response.context["adminform"].form.errors["hero_image"])
    assert not article.hero_image


def test_oversized_files_are_refused(editor_client, monkeypatch):
    monkeypatch.setattr(article_forms, "MAX_IMAGE_BYTES", 100)
    response, _ = upload(editor_client, image_bytes(size=(200, 200)))
    assert "the limit is 100\xa0bytes" in str(response.context["adminform"].form.errors)


def test_alt_text_is_required_with_an_image(editor_client):
    response, article = upload(editor_client, image_bytes(), alt="")
    assert response.status_code == 200
    assert "Describe the hero image" in str(response.context["adminform"].form.errors)
    assert not article.hero_image


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (png_header(8_000, 6_000), "the limit is 40 megapixels"),
        (image_bytes()[:-20] + b"garbage", "this file is not one, or it is damaged"),
    ],
    ids=["too-many-pixels", "cut-off"],
)
def test_author_photos_are_checked_like_hero_images(editor_client, content, error):
    data = {"name": "Ada", "slug": "ada", "photo": SimpleUploadedFile("ada.png", content)}
    response = editor_client.post(reverse("admin:articles_author_add"), data)
    assert response.status_code == 200
    assert error in str(response.context["adminform"].form.errors["photo"])
