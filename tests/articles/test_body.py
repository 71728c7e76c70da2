"""Every element the body editor makes: kept by the sanitiser, saved, and shown to readers."""

import pytest
from django.core.files.base import ContentFile

from articles.demo.images import hero_jpeg
from articles.models import Article
from articles.sanitize import sanitize_html
from tests.articles.admin_forms import change_url, form_data
from tests.factories import ArticleFactory, ImageFactory

pytestmark = pytest.mark.django_db

EMBED = (
    '<figure class="embed" data-embed-provider="youtube" data-embed-id="dQw4w9WgXcQ">'
    '<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">YouTube video</a></figure>'
)


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.com", "pw"))
    return client


@pytest.fixture
def photo():
    return ImageFactory(
        file=ContentFile(hero_jpeg("#15803d", "otter", (1200, 800)), "otter.jpg"),
        alt_text="An otter on its back",
        caption="Otters are back on the river.",
        credit="Photo: Ada Lab",
    )


def figure(image, alt=None, caption="Otters are back on the river."):
    alt = image.alt_text if alt is None else alt
    return (
        f'<figure class="figure"><img src="{image.picture.src}" alt="{alt}" '
        f'data-file="{image.pk}"><figcaption>{caption}</figcaption></figure>'
    )


def save_body(client, body):
    article = ArticleFactory()
    response = client.post(
        change_url(article), form_data(client.get(change_url(article))) | {"body": body}
    )
    return response, Article.objects.get(pk=article.pk)


@pytest.mark.parametrize(
    ("element", "shown"),
    [
        ("<h2>What they found</h2>", "<h2>What they found</h2>"),
        ("<h3>Why it matters</h3>", "<h3>Why it matters</h3>"),
        ("<p><strong>Bold</strong> and <em>italic</em></p>", "<strong>Bold</strong>"),
        (
            '<p><a href="https://example.org/">a link</a></p>',
            '<a href="https://example.org/" rel="noopener noreferrer">a link</a>',
        ),
        ("<blockquote><p>A quote</p></blockquote>", "<blockquote><p>A quote</p></blockquote>"),
        ("<ul><li><p>One</p></li><li><p>Two</p></li></ul>", "<li><p>Two</p></li></ul>"),
        ('<ol start="3"><li><p>Three</p></li></ol>', '<ol start="3"><li><p>Three</p></li></ol>'),
        ("<p>Line<br>break</p>", "<p>Line<br>break</p>"),
        (EMBED, 'data-embed-provider="youtube" data-embed-id="dQw4w9WgXcQ"'),
    ],
    ids=["h2", "h3", "marks", "link", "quote", "bullets", "numbers", "break", "embed"],
)
def test_each_element_goes_from_the_editor_to_the_page(editor_client, client, element, shown):
    response, article = save_body(editor_client, element)
    assert response.status_code == 302
    html = client.get(article.get_absolute_url()).content.decode()
    assert shown in html.split('<div class="prose">')[1]


def test_a_library_image_reaches_the_page_responsive_and_credited(editor_client, client, photo):
    response, article = save_body(editor_client, figure(photo))
    assert response.status_code == 302
    assert f'data-file="{photo.pk}"' in article.body
    html = client.get(article.get_absolute_url()).content.decode()
    body = html.split('<div class="prose">')[1]
    assert f'srcset="{photo.picture.jpeg_srcset}"' in body
    assert 'alt="An otter on its back" loading="lazy" decoding="async"' in body
    assert (
        "<figcaption>Otters are back on the river. "
        '<span class="credit">Photo: Ada Lab</span></figcaption>'
    ) in body


def test_an_embed_page_loads_the_click_to_play_script_only_when_needed(client):
    with_embed = ArticleFactory(body=EMBED)
    without = ArticleFactory(body="<p>Plain.</p>")
    assert "js/embeds.js" in client.get(with_embed.get_absolute_url()).content.decode()
    assert "js/embeds.js" not in client.get(without.get_absolute_url()).content.decode()
    assert "<iframe" not in client.get(with_embed.get_absolute_url()).content.decode()


def test_a_body_image_needs_alt_text_unless_decorative(editor_client, photo):
    photo.alt_text = ""
    photo.save()
    response, article = save_body(editor_client, figure(photo, alt=""))
    assert response.status_code == 200
    assert "An image in the text has no alt text" in str(response.context["adminform"].form.errors)
    photo.decorative = True
    photo.save()
    response, article = save_body(editor_client, figure(photo, alt=""))
    assert response.status_code == 302


def test_a_decorative_image_is_shown_with_empty_alt(client, photo):
    photo.decorative = True
    photo.save()
    article = ArticleFactory(body=figure(photo, alt="Something"))
    body = client.get(article.get_absolute_url()).content.decode().split('<div class="prose">')[1]
    assert 'alt="" loading="lazy"' in body


@pytest.mark.parametrize(
    "html",
    [
        '<img src="https://tracker.example/pixel.gif" alt="x">',
        '<img src="javascript:alert(1)" alt="x">',
        '<img src="//evil.example/a.jpg" alt="x">',
        '<img src="data:image/png;base64,AAAA" alt="x">',
        '<img src="/media/../etc/passwd" alt="x">',
    ],
)
def test_images_from_other_sites_are_dropped(html):
    assert sanitize_html(html) == ""


def test_own_media_images_keep_only_safe_attributes():
    html = '<img src="/media/images/a.jpg" alt="A" data-file="3" width="9" onerror="x" srcset="y">'
    assert sanitize_html(html) == '<img src="/media/images/a.jpg" alt="A" data-file="3" width="9">'


@pytest.mark.parametrize(
    ("html", "kept"),
    [
        (EMBED, True),
        (EMBED.replace("youtube", "evil", 1), False),
        (EMBED.replace("dQw4w9WgXcQ", 'x"><script>', 1), False),
        (EMBED.replace('data-embed-id="dQw4w9WgXcQ"', 'data-embed-id="../../evil"'), False),
        (
            '<figure class="embed" data-embed-provider="mastodon" '
            'data-embed-id="mastodon.social/@ada/1234"><a href="https://x">x</a></figure>',
            True,
        ),
        (  # a server the Content Security Policy would not let the page frame
            '<figure class="embed" data-embed-provider="mastodon" '
            'data-embed-id="evil.example/@ada/1234"><a href="https://x">x</a></figure>',
            False,
        ),
    ],
)
def test_embeds_keep_only_known_providers_and_id_shapes(html, kept):
    cleaned = sanitize_html(html)
    assert ('class="embed"' in cleaned) is kept
    assert "<script" not in cleaned


def test_embed_links_refuse_javascript():
    cleaned = sanitize_html(
        EMBED.replace("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "javascript:alert(1)")
    )
    assert "javascript" not in cleaned
