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


def urlset_at(client, path):
    response = client.get(path, HTTP_HOST="testserver")
    assert response.status_code == 200
    return ElementTree.fromstring(response.content)


def locations(root):
    return [loc.text for loc in root.findall("sm:url/sm:loc", NS)]


def locations_of(urls):
    return [url.find("sm:loc", NS).text for url in urls]


def sitemap_pages(client):
    index = urlset(client, "articles:sitemap")
    return [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)]


def every_url(client):
    """The <url> entries of every sitemap page the index lists, none of them empty."""
    urls = []
    for page in sitemap_pages(client):
        assert page.startswith(SITE)
        response = client.get(page.removeprefix(SITE), HTTP_HOST="testserver")
        assert response.status_code == 200
        entries = ElementTree.fromstring(response.content).findall("sm:url", NS)
        assert entries, f"{page} is empty"
        urls += entries
    return urls


def at(year, month, day=10, hour=9, minute=0):
    return timezone.make_aware(datetime(year, month, day, hour, minute))


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


def test_sitemap_queries_do_not_grow_with_stories(client, django_assert_num_queries):
    for n in range(10):
        story = ArticleFactory(tags=["a", "b"], published_at=at(2026, 1 + n % 3))
        byline(story, AuthorFactory())
        cite(story, SourceFactory())
    # The stories' latest change, their months (newest, oldest, those between), the listings'
    # newest story and a count of each listing.
    with django_assert_num_queries(9):
        client.get(reverse("articles:sitemap"))
    with django_assert_num_queries(2):  # A count and a page.
        client.get("/sitemap-articles-2026-02.xml")
    for section in ["categories", "tags", "sources", "authors"]:
        with django_assert_num_queries(2):
            client.get(reverse("articles:sitemap_section", args=[section]))


def test_every_story_is_in_one_month_page_and_the_index_lists_the_months_with_any(client):
    november = ArticleFactory(published_at=at(2025, 11, 30, 23, 59))
    # 00:30 in London on 1 July is still June in UTC: the month is the reader's, as the archive's.
    july = ArticleFactory(published_at=timezone.make_aware(datetime(2025, 7, 1, 0, 30)))
    march = ArticleFactory.create_batch(3, published_at=at(2026, 3, 1, 0, 0))
    ArticleFactory(status=Article.Status.DRAFT, published_at=at(2025, 9))
    scheduled = ArticleFactory(published_at=timezone.now() + timedelta(days=62))

    months = [page for page in sitemap_pages(client) if "/sitemap-articles" in page]
    assert months == [
        f"{SITE}/sitemap-articles-2026-03.xml",
        f"{SITE}/sitemap-articles-2025-11.xml",
        f"{SITE}/sitemap-articles-2025-07.xml",
    ]
    stories = [*march, november, july]
    listed = [loc for loc in locations_of(every_url(client)) if "/story-" in loc]
    assert sorted(listed) == sorted(f"{SITE}{story.get_absolute_url()}" for story in stories)
    assert locations(urlset_at(client, "/sitemap-articles-2025-07.xml")) == [
        f"{SITE}{july.get_absolute_url()}"
    ]
    for empty in ["2025-09", "2025-10", f"{scheduled.published_at:%Y-%m}", "2025-13", "0-01"]:
        response = client.get(f"/sitemap-articles-{empty}.xml")
        assert response.status_code == 404, empty


def test_the_index_dates_each_month_no_earlier_than_its_latest_change(client):
    stories = {month: ArticleFactory(published_at=at(2026, month)) for month in [1, 2, 3]}
    stories[1].save()  # The oldest story changed last.
    index = urlset(client, "articles:sitemap")
    dated = {
        entry.findtext("sm:loc", namespaces=NS): entry.findtext("sm:lastmod", namespaces=NS)
        for entry in index.findall("sm:sitemap", NS)
    }
    for month, story in stories.items():
        lastmod = datetime.fromisoformat(dated[f"{SITE}/sitemap-articles-2026-{month:02}.xml"])
        assert lastmod >= story.modified_at
    assert datetime.fromisoformat(dated[f"{SITE}/sitemap-articles-2026-01.xml"]) == (
        stories[1].modified_at
    )


def test_the_index_lists_no_empty_section(client):
    story = ArticleFactory()  # no tag, author or source

    sections = {page.removeprefix(SITE) for page in sitemap_pages(client)}

    assert sections == {
        "/sitemap-home.xml",
        f"/sitemap-articles-{timezone.localtime(story.published_at):%Y-%m}.xml",
        "/sitemap-categories.xml",
    }


def test_the_old_pages_of_stories_still_list_them(client, monkeypatch):
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    stories = ArticleFactory.create_batch(3)
    pages = [
        urlset_at(client, "/sitemap-articles.xml"),
        urlset_at(client, "/sitemap-articles.xml?p=2"),
    ]
    assert [len(locations(page)) for page in pages] == [2, 1]
    assert sorted(sum((locations(page) for page in pages), [])) == sorted(
        f"{SITE}{story.get_absolute_url()}" for story in stories
    )


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
