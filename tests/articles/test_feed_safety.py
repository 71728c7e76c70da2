"""Feeds read by feed readers that render what they are given: nothing in them may run."""

from html.parser import HTMLParser

import feedparser
import pytest
from django.urls import reverse
from taggit.models import Tag

from articles.models import Author, Category, Series, Source
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory, SourceFactory, byline

pytestmark = pytest.mark.django_db

FEEDS = ["articles:feed_rss", "articles:feed_atom"]
ATTACKS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">win a prize</a>',
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    "<scr<script>ipt>alert(1)</script>",
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
]


class Elements(HTMLParser):
    """The elements and attributes a browser would build from an HTML fragment."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def assert_inert(html):
    for tag, attrs in Elements(html).found:
        assert tag not in {"script", "iframe", "svg", "img", "object", "embed", "style"}, html
        for name, value in attrs.items():
            assert not name.startswith("on"), html
            assert name != "srcdoc", html
            assert "javascript:" not in "".join((value or "").split()).lower(), html


def parse_as_reader(client, url):
    """Parsed as a reader that renders feed HTML unsanitised would."""
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content, sanitize_html=False)
    assert not feed.bozo, feed.bozo_exception
    return feed


@pytest.mark.parametrize("attack", ATTACKS)
@pytest.mark.parametrize("name", FEEDS)
def test_markup_in_a_standfirst_reaches_readers_as_text(client, name, attack):
    ArticleFactory(standfirst=f"Good news {attack} today.")
    entry = parse_as_reader(client, reverse(name)).entries[0]
    assert_inert(entry.summary)
    assert entry.summary.startswith("Good news ")
    assert entry.summary.endswith(" today.")


@pytest.mark.parametrize("name", FEEDS)
def test_a_standfirst_reads_in_the_feed_as_typed(client, name):
    ArticleFactory(standfirst="Survival rose from 5% to <10% & more, say “researchers”.")
    entry = parse_as_reader(client, reverse(name)).entries[0]
    assert entry.summary == "Survival rose from 5% to &lt;10% &amp; more, say “researchers”."


@pytest.mark.parametrize("attack", ATTACKS)
@pytest.mark.parametrize("name", FEEDS)
def test_markup_in_titles_names_and_tags_is_plain_text_to_readers(client, name, attack):
    author = AuthorFactory(name=f"Ann {attack}")
    story = ArticleFactory(title=f"Headline {attack}", tags=[f"tag {attack}"])
    byline(story, author)
    entry = parse_as_reader(client, reverse(name)).entries[0]
    if entry.title_detail.type == "text/html":  # a reader's guess from what looks like markup
        assert_inert(entry.title)
    assert entry.title.startswith("Headline")
    assert entry.author.startswith(f"Ann {attack}")
    assert f"tag {attack}".lower() in {tag.term for tag in entry.tags}


CONTROL = "\x00\x01\x08\x0b\x0c\x1b\x1f"


def test_control_characters_are_cleaned_from_names_on_save():
    category = CategoryFactory(name=f"Health{CONTROL}", description=f"About{CONTROL}health")
    author = Author.objects.create(
        name=f"Ann{CONTROL}Lee", slug="ann", credentials=f"PhD{CONTROL}", bio=f"Bio{CONTROL}"
    )
    source = SourceFactory(name=f"Institute{CONTROL}of Things")
    series = Series.objects.create(name=f"Cures{CONTROL}", slug="cures", description=CONTROL)
    tag = Tag.objects.create(name=f"vaccines{CONTROL}hope")
    for obj, fields in [
        (category, ["name", "description"]),
        (author, ["name", "credentials", "bio"]),
        (source, ["name"]),
        (series, ["name", "description"]),
        (tag, ["name"]),
    ]:
        obj.refresh_from_db()
        for field in fields:
            value = getattr(obj, field)
            assert not any(ord(character) < 32 for character in value), (obj, field, value)
    assert tag.name == "vaccines       hope"
    assert Category.objects.get(pk=category.pk).name.startswith("Health")
    assert Source.objects.get(pk=source.pk).name.endswith("of Things")


@pytest.mark.parametrize("name", FEEDS)
def test_control_characters_already_stored_do_not_take_the_feeds_down(client, name):
    """Rows written around save() (an update, a bulk import) must not break every feed."""
    category = CategoryFactory()
    author = AuthorFactory()
    story = ArticleFactory(category=category, tags=["hope"])
    byline(story, author)
    control = CONTROL.replace("\x00", "")  # PostgreSQL stores no NUL at all
    Category.objects.filter(pk=category.pk).update(name=f"Health{control}")
    Author.objects.filter(pk=author.pk).update(name=f"Ann{control}")
    Tag.objects.filter(name="hope").update(name=f"hope{control}")
    for url in [
        reverse(name),
        reverse(f"{name.replace('feed', 'category_feed')}", args=[category.slug]),
    ]:
        entry = parse_as_reader(client, url).entries[0]
        assert {tag.term.strip() for tag in entry.tags} == {"Health", "hope"}
        assert entry.author.startswith("Ann")
