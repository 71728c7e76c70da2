from datetime import datetime, timedelta
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.sitemaps import ArticleSitemap
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    ImageFactory,
    SourceFactory,
    byline,
    cite,
)

pytestmark = pytest.mark.django_db

SITE = "https://news.example.org"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def urlset(client, name):
    response = client.get(reverse(name), HTTP_HOST="testserver")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    return ElementTree.fromstring(response.content)


def locations(root):
    return [loc.text for loc in root.findall("sm:url/sm:loc", NS)]


def every_url(client):
    """The <url> entries of every sitemap page the index lists."""
    index = urlset(client, "articles:sitemap")
    urls = []
    for loc in index.findall("sm:sitemap/sm:loc", NS):
        assert loc.text.startswith(SITE)
        response = client.get(loc.text.removeprefix(SITE), HTTP_HOST="testserver")
        assert response.status_code == 200
        urls += ElementTree.fromstring(response.content).findall("sm:url", NS)
    return urls


def test_sitemap_lists_every_public_page_and_nothing_else(client):
    health, empty = CategoryFactory(slug="health"), CategoryFactory(slug="empty")
    writer, draft_writer = AuthorFactory(slug="ada"), AuthorFactory(slug="draft-only")
    journal, draft_journal = SourceFactory(slug="journal"), SourceFactory(slug="secret")
    story = ArticleFactory(category=health, tags=["hearing"])
    byline(story, writer)
    cite(story, journal)
    draft = ArticleFactory(category=empty, status=Article.Status.DRAFT, tags=["embargoed"])
    byline(draft, draft_writer)
    cite(draft, draft_journal)
    scheduled = ArticleFactory(published_at=timezone.now() + timedelta(hours=2))

    locs = [url.find("sm:loc", NS).text for url in every_url(client)]

    assert sorted(locs) == sorted(
        f"{SITE}{path}"
        for path in [
            "/",
            story.get_absolute_url(),
            "/category/health/",
            "/tag/hearing/",
            "/author/ada/",
            "/source/journal/",
        ]
    )
    for hidden in [draft, scheduled]:
        assert f"{SITE}{hidden.get_absolute_url()}" not in locs
    assert scheduled.category.get_absolute_url() not in str(locs)


def test_article_entries_carry_lastmod_and_image(client):
    article = ArticleFactory(hero=ImageFactory())
    (entry,) = [
        url
        for url in every_url(client)
        if url.find("sm:loc", NS).text == f"{SITE}{article.get_absolute_url()}"
    ]
    assert datetime.fromisoformat(entry.find("sm:lastmod", NS).text) == article.modified_at
    image = entry.find("image:image/image:loc", NS).text
    assert image == f"{SITE}{article.hero_picture.all()[-1].url}"


def test_listing_entries_are_dated_by_their_newest_story(client):
    newest = ArticleFactory(category=CategoryFactory(slug="health"))
    ArticleFactory(category=newest.category, published_at=timezone.now() - timedelta(days=9))
    (lastmod,) = [
        url.find("sm:lastmod", NS).text
        for url in every_url(client)
        if url.find("sm:loc", NS).text == f"{SITE}/category/health/"
    ]
    assert datetime.fromisoformat(lastmod) == newest.published_at


def test_sitemap_queries_do_not_grow_with_stories(client, django_assert_max_num_queries):
    for _ in range(10):
        story = ArticleFactory(tags=["a", "b"])
        byline(story, AuthorFactory())
        cite(story, SourceFactory())
    with django_assert_max_num_queries(10):  # A count and a page for each of five sections.
        client.get(reverse("articles:sitemap_section", args=["articles"]))
        for section in ["categories", "tags", "sources", "authors"]:
            client.get(reverse("articles:sitemap_section", args=[section]))


def test_the_index_lists_every_page_of_every_section(client, settings, monkeypatch):
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    stories = ArticleFactory.create_batch(5)
    index = urlset(client, "articles:sitemap")
    locs = [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)]
    articles = f"{SITE}/sitemap-articles.xml"
    assert [loc for loc in locs if loc.startswith(articles)] == [
        articles,
        f"{articles}?p=2",
        f"{articles}?p=3",
    ]
    assert f"{SITE}/sitemap-home.xml" in locs
    lastmods = index.findall("sm:sitemap/sm:lastmod", NS)
    assert datetime.fromisoformat(lastmods[1].text) == max(s.modified_at for s in stories)
    listed = {url.find("sm:loc", NS).text for url in every_url(client)}
    assert {f"{SITE}{story.get_absolute_url()}" for story in stories} <= listed


def test_news_sitemap_lists_the_last_two_days(client):
    fresh = ArticleFactory(title="Fresh & new", published_at=timezone.now() - timedelta(hours=30))
    ArticleFactory(published_at=timezone.now() - timedelta(days=3))
    ArticleFactory(status=Article.Status.DRAFT, published_at=timezone.now() - timedelta(hours=1))
    ArticleFactory(published_at=timezone.now() + timedelta(hours=1))

    root = urlset(client, "articles:sitemap_news")

    assert locations(root) == [f"{SITE}{fresh.get_absolute_url()}"]
    news = root.find("sm:url/news:news", NS)
    assert news.find("news:publication/news:name", NS).text == "Good News Daily"
    assert news.find("news:publication/news:language", NS).text == "en"
    published = datetime.fromisoformat(news.find("news:publication_date", NS).text)
    assert published == fresh.published_at
    assert news.find("news:title", NS).text == "Fresh & new"
