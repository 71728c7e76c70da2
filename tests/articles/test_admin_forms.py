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
from articles.models import Image as LibraryImage
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


def upload(editor_client, content, name="hero.png", alt="A hedgehog in a garden", **fields):
    """An image added to the library through its admin form: (response, the image or None)."""
    data = {"file": SimpleUploadedFile(name, content), "alt_text": alt, "focal_x": "0.5"}
    data |= {"focal_y": "0.5", "caption": "", "credit": ""} | fields
    response = editor_client.post(reverse("admin:articles_image_add"), data)
    return response, LibraryImage.objects.first()


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP", "GIF"])
def test_a_real_image_is_saved_and_previewed(editor_client, fmt):
    response, image = upload(editor_client, image_bytes(fmt), name=f"hero.{fmt.lower()}")
    assert response.status_code == 302
    assert image.picture and image.uploaded_by.username == "ed"
    html = editor_client.get(reverse("admin:articles_image_change", args=[image.pk])).content
    assert f'<img src="{image.picture.src}" alt="A hedgehog in a garden"' in html.decode()


def test_a_library_image_becomes_a_hero_with_its_preview(editor_client):
    _, image = upload(editor_client, image_bytes())
    article = ArticleFactory()
    assert post(editor_client, article, hero=str(image.pk)).status_code == 302
    html = editor_client.get(change_url(article)).content.decode()
    assert f'<img src="{image.picture.at_least(1200).url}" alt="A hedgehog in a garden"' in html


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
    response, image = upload(editor_client, content, name=name)
    assert response.status_code == 200
    assert error in str(response.context["adminform"].form.errors["file"])
    assert image is None


def test_oversized_files_are_refused(editor_client, monkeypatch):
    monkeypatch.setattr(article_forms, "MAX_IMAGE_BYTES", 100)
    response, _ = upload(editor_client, image_bytes(size=(200, 200)))
    assert "the limit is 100\xa0bytes" in str(response.context["adminform"].form.errors)


def test_alt_text_is_required_unless_the_image_is_decorative(editor_client):
    response, image = upload(editor_client, image_bytes(), alt="")
    assert response.status_code == 200
    assert "or mark it decorative" in str(response.context["adminform"].form.errors)
    assert image is None
    response, image = upload(editor_client, image_bytes(), alt="", decorative="on")
    assert response.status_code == 302
    assert image.decorative and image.alt == ""


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
