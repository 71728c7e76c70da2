"""Stored attacks, read back everywhere they are shown: pages, feeds, JSON-LD, admin, email."""

import feedparser
import pytest
from django.test import Client
from django.urls import reverse

from newsletter.emails import EditionRenderer
from newsletter.models import Subscriber
from tests.security.conftest import ldjson, runnable

pytestmark = pytest.mark.django_db


def public_pages(hostile):
    return [
        "/",
        hostile["story"].get_absolute_url(),
        hostile["category"].get_absolute_url(),
        hostile["author"].get_absolute_url(),
        hostile["source"].get_absolute_url(),
        reverse("articles:tag", kwargs={"slug": hostile["tag"].slug}),
        "/search/?q=Title",
        "/newsletter/",
        reverse("articles:sitemap"),
        reverse("articles:sitemap_news"),
    ]


def test_pages_show_every_stored_field_as_text(client, hostile):
    problems = {}
    for url in public_pages(hostile):
        response = client.get(url)
        assert response.status_code == 200, url
        if found := runnable(response.content.decode()):
            problems[url] = found
    assert problems == {}
    page = client.get(hostile["story"].get_absolute_url()).content.decode()
    # The words are there, shown as text, not dropped.
    assert "Title &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Caption &lt;script&gt;" in page and "Fix &lt;script&gt;" in page


def test_previews_are_as_safe_as_the_public_page(client_for, hostile):
    from articles.preview import shared_preview_url

    editor = client_for("editor")
    for url in [
        reverse("articles:preview", kwargs={"pk": hostile["story"].pk}),
        shared_preview_url(hostile["story"]),
    ]:
        response = editor.get(url)
        assert response.status_code == 200
        assert runnable(response.content.decode()) == []


def test_json_ld_never_breaks_out_of_its_script(client, hostile):
    for url in ["/", hostile["story"].get_absolute_url()]:
        html = client.get(url).content.decode()
        blocks = ldjson(html)  # raises when a block was cut short by a `</script>` inside it
        assert blocks, url
    blocks = ldjson(client.get(hostile["story"].get_absolute_url()).content.decode())
    graph = [node for block in blocks for node in block.get("@graph", [block])]
    (news,) = [node for node in graph if node.get("@type") == "ReportageNewsArticle"]
    assert news["headline"].startswith("Title <script>")  # the words survive, as data
    assert news["correction"][0]["text"].startswith("Fix <script>")


FEEDS = ["articles:feed_rss", "articles:feed_atom"]


@pytest.mark.parametrize("name", FEEDS)
def test_feed_readers_are_handed_safe_html(client, hostile, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    # Not feedparser's own sanitiser: a reader that trusts the feed must be safe too.
    feed = feedparser.parse(response.content, sanitize_html=False)
    assert not feed.bozo, feed.bozo_exception
    (entry,) = [e for e in feed.entries if "hostile-story" in e.link]
    html = " ".join(
        [entry.get("summary", ""), entry.get("title", "")]
        + [content.value for content in entry.get("content", [])]
    )
    assert runnable(html) == []


@pytest.mark.parametrize("name", FEEDS)
def test_feed_titles_and_links_are_plain(client, hostile, name):
    feed = feedparser.parse(client.get(reverse(name)).content, sanitize_html=False)
    assert not feed.bozo, feed.bozo_exception
    (entry,) = [e for e in feed.entries if "hostile-story" in e.link]
    assert entry.link == "https://news.example.org/hostile-story/"
    # Readers may take an RSS title for HTML: the feed sends the headline without its tags.
    assert entry.title.startswith("Title ") and "<" not in entry.title


ADMIN_PAGES = [
    ("articles", "article", "story"),
    ("articles", "category", "category"),
    ("articles", "author", "author"),
    ("articles", "source", "source"),
    ("articles", "series", "series"),
    ("taggit", "tag", "tag"),
    ("newsletter", "edition", "edition"),
    ("newsletter", "subscriber", "subscriber"),
]


def test_the_admin_shows_every_stored_field_as_text(client_for, hostile):
    admin = client_for("superuser")
    problems = {}
    for app, model, key in ADMIN_PAGES:
        pk = hostile[key].pk
        for url in [
            reverse(f"admin:{app}_{model}_changelist"),
            reverse(f"admin:{app}_{model}_change", args=[pk]),
            reverse(f"admin:{app}_{model}_history", args=[pk]),
            reverse(f"admin:{app}_{model}_delete", args=[pk]),
        ]:
            response = admin.get(url)
            assert response.status_code == 200, url
            if found := runnable(response.content.decode()):
                problems[url] = found
    preview = admin.get(reverse("newsletter:edition_preview", args=[hostile["edition"].pk]))
    assert preview.status_code == 200
    if found := runnable(preview.content.decode()):
        problems["edition preview"] = found
    assert problems == {}


def test_emails_show_every_stored_field_as_text(hostile, mailoutbox):
    from newsletter import editions

    edition = hostile["edition"]
    stories = list(edition.stories())
    message = EditionRenderer(edition, stories).message(
        subscriber=hostile["subscriber"], stories=stories
    )
    assert runnable(message.alternatives[0].content) == []
    assert "\n" not in message.subject and "\r" not in message.subject
    assert editions.edition_send_test(edition=edition, email="editor@example.com")
    (test,) = mailoutbox
    assert runnable(test.alternatives[0].content) == []
    assert test.message().as_bytes()  # a header that cannot be encoded would raise here


def test_subscriber_pages_show_stored_fields_as_text(client, hostile):
    from newsletter.tokens import manage_token

    subscriber = hostile["subscriber"]
    token = manage_token(subscriber)
    for name in ["newsletter:preferences", "newsletter:unsubscribe"]:
        response = client.get(reverse(name, kwargs={"token": token}))
        assert response.status_code == 200
        assert runnable(response.content.decode()) == []
    assert Subscriber.objects.get(pk=subscriber.pk).status == Subscriber.Status.SUBSCRIBED


@pytest.mark.parametrize("name", FEEDS)
def test_control_characters_in_names_do_not_take_a_feed_down(client, hostile, name):
    from taggit.models import Tag

    hostile["author"].name = "Ann\x0bLee"
    hostile["author"].save()
    hostile["story"].tags.add(Tag.objects.create(name="soft\x0bbreak", slug="soft-break"))
    response = Client(raise_request_exception=False).get(reverse(name))
    assert response.status_code == 200
    assert not feedparser.parse(response.content).bozo
