from datetime import timedelta

import factory
import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Correction
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory, byline

pytestmark = pytest.mark.django_db

SITE = "https://news.example.org"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


@pytest.mark.parametrize("name", ["articles:feed_rss", "articles:feed_atom"])
def test_site_feed_lists_the_newest_published_stories_only(client, name):
    stories = [ArticleFactory() for _ in range(22)]  # The factory makes each one older.
    draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    scheduled = ArticleFactory(published_at=timezone.now() + timedelta(hours=1))
    feed = parse(client, reverse(name))
    links = [entry.link for entry in feed.entries]
    assert links == [f"{SITE}{story.get_absolute_url()}" for story in stories[:20]]
    assert f"{SITE}{draft.get_absolute_url()}" not in links
    assert f"{SITE}{scheduled.get_absolute_url()}" not in links


@pytest.mark.parametrize("name", ["articles:feed_rss", "articles:feed_atom"])
def test_control_characters_pasted_into_a_story_do_not_break_the_feed(client, name):
    """Word's soft line break is a vertical tab, which XML forbids."""
    ArticleFactory(title="Hearing\x0brestored", standfirst="Children\x0cheard\x1bspeech.")
    entry = parse(client, reverse(name)).entries[0]
    assert entry.title == "Hearing restored"
    assert entry.summary == "Children heard speech."


@pytest.mark.parametrize("name", ["articles:feed_rss", "articles:feed_atom"])
def test_feed_items_carry_full_metadata(client, health, name):
    published = timezone.now() - timedelta(days=1)
    article = ArticleFactory(
        category=health,
        title="Gene therapy restores hearing",
        standfirst="Children born deaf heard speech within weeks.",
        tags=["hearing", "gene therapy"],
        published_at=published,
        updated_at=published + timedelta(hours=3),
        hero_image=factory.django.ImageField(width=1200, height=675, format="JPEG"),
        hero_image_alt="A child with headphones",
        hero_image_credit="Photo: Clinic",
    )
    byline(article, AuthorFactory(name="Ada Writer", credentials="PhD"), AuthorFactory(name="Bo"))
    feed = parse(client, reverse(name))
    assert feed.feed.title == "Good News Daily"
    assert feed.feed.link == f"{SITE}/"
    entry = feed.entries[0]
    assert entry.title == "Gene therapy restores hearing"
    assert entry.summary == "Children born deaf heard speech within weeks."
    assert entry.author == "Ada Writer, Bo"
    assert entry.id == f"{SITE}{article.get_absolute_url()}"
    assert entry.published_parsed[:5] == published.utctimetuple()[:5]
    assert entry.updated_parsed[:5] == (published + timedelta(hours=3)).utctimetuple()[:5]
    terms = [tag.term for tag in entry.tags]
    assert terms[0] == "Health"
    assert sorted(terms[1:]) == ["gene therapy", "hearing"]
    (enclosure,) = entry.enclosures
    largest = article.hero_picture.all()[-1]
    assert enclosure.href == f"{SITE}{largest.url}"
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) == article.hero_picture.storage.size(
        article.hero_renditions["sizes"][-1]["jpeg"]
    )
    (media,) = entry.media_content
    assert media["url"] == enclosure.href
    assert (media["width"], media["height"]) == ("1200", "675")
    raw = client.get(reverse(name)).content  # feedparser reads the full text as content
    assert b"<media:description>A child with headphones</media:description>" in raw
    assert entry.media_credit == [{"content": "Photo: Clinic"}]


def test_rss_guid_is_the_story_permalink(client):
    article = ArticleFactory()
    content = client.get(reverse("articles:feed_rss")).content.decode()
    assert f'<guid isPermaLink="true">{SITE}{article.get_absolute_url()}</guid>' in content


@pytest.mark.parametrize("name", ["articles:category_feed_rss", "articles:category_feed_atom"])
def test_category_feed_lists_only_that_category(client, health, name):
    ours = ArticleFactory(category=health)
    ArticleFactory(category=CategoryFactory(name="Nature", slug="nature"))
    ArticleFactory(category=health, status=Article.Status.IN_REVIEW)
    feed = parse(client, reverse(name, args=["health"]))
    assert feed.feed.title == "Good News Daily: Health"
    assert feed.feed.link == f"{SITE}/category/health/"
    assert [entry.link for entry in feed.entries] == [f"{SITE}{ours.get_absolute_url()}"]


def test_unknown_category_feed_is_not_found(client):
    assert client.get(reverse("articles:category_feed_rss", args=["nope"])).status_code == 404


def test_feed_queries_do_not_grow_with_stories(client, django_assert_max_num_queries):
    for _ in range(15):
        article = ArticleFactory(tags=["one", "two", "three"])
        byline(article, AuthorFactory(), AuthorFactory())
        Correction.objects.create(article=article, text="Fixed a date.")
    with django_assert_max_num_queries(3):
        client.get(reverse("articles:feed_atom"))


def test_every_page_links_its_feeds(client, health):
    article = ArticleFactory(category=health)
    site_feeds = [
        '<link rel="alternate" type="application/rss+xml" title="Good News Daily (RSS)" '
        'href="/feed/rss/">',
        '<link rel="alternate" type="application/atom+xml" title="Good News Daily (Atom)" '
        'href="/feed/atom/">',
    ]
    for url in ["/", article.get_absolute_url(), "/category/health/", "/search/?q=x"]:
        html = client.get(url).content.decode()
        assert all(link in html for link in site_feeds), url
    category_html = client.get("/category/health/").content.decode()
    assert 'href="/category/health/feed/rss/"' in category_html
    assert 'href="/category/health/feed/atom/"' in category_html
    assert 'href="/category/health/feed/rss/"' not in client.get("/").content.decode()


def test_a_missing_image_file_breaks_neither_feeds_nor_pages(client):
    article = ArticleFactory(hero_image="articles/2026/01/gone.jpg", hero_image_alt="Gone")
    for name in ["articles:feed_rss", "articles:feed_atom"]:
        assert parse(client, reverse(name)).entries[0].enclosures == []
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<meta property="og:image" content="https://news.example.org/static/img/logo' in html
