"""
Every reading page runs a fixed number of queries, however much content it shows, and its
templates find every name they look up.
"""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.db.models.sql.compiler import SQLCompiler
from django.template.base import Variable, VariableDoesNotExist
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.demo.images import hero_jpeg
from articles.models import Article, Correction, Series, Study
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

# Exact counts, so that one more query is a decision: the page's own queries, and the
# navigation's categories only when the cache holds none (PAGE_CACHE_SECONDS=0 in tests).
HOME = 4  # featured lead (none here), the newest (lead and latest), cut-off dates, sections
ARTICLE = 6  # story with its corrections, tags, bylines, citations, studies, both panels
BUDGET = 8  # the most any other public page may run (archives, people, Markdown copies)
LISTING = 3  # subject, count, page of cards (an author page adds the stories they reviewed)
TAGS = [f"topic-{n}" for n in range(8)]


@pytest.fixture
def publication():
    """Many categories, stories, tags, authors, sources and corrections: N+1s would show."""
    categories = [CategoryFactory() for _ in range(6)]
    authors = [AuthorFactory(credentials="PhD") for _ in range(5)]
    sources = [SourceFactory() for _ in range(6)]
    series = Series.objects.create(name="Cell therapies", slug="cell-therapies")
    stories = []
    for n in range(40):
        story = ArticleFactory(
            category=categories[n % len(categories)],
            tags=TAGS[n % 3 : n % 3 + 5],
            series=series if n % 4 == 0 else None,
            reviewed_by=authors[0],
        )
        byline(story, *authors[: 2 + n % 3])
        cite(story, *sources[: 3 + n % 3], doi="10.1126/sciadv.abc123")
        Correction.objects.create(article=story, text="A figure was wrong.")
        for position in range(2):
            Study.objects.create(
                article=story, position=position, journal="Science Advances", design="phase_2"
            )
        Correction.objects.create(article=story, kind="update", text="New data.")
        stories.append(story)
    image = hero_jpeg("#0f766e", "seed", size=(320, 180))
    for story in stories[:8]:
        story.hero = ImageFactory(
            alt_text="A picture", file=ContentFile(image, f"{story.slug}.jpg")
        )
        story.save(update_fields=["hero"])
    stories[5].related_articles.add(*stories[10:14])
    return {"stories": stories, "authors": authors, "sources": sources, "categories": categories}


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


def test_home(client, publication, django_assert_num_queries):
    get(client, reverse("articles:home"))  # Fills the navigation's cache.
    with django_assert_num_queries(HOME):
        response = get(client, reverse("articles:home"))
    assert len(response.context["sections"]) == 6


def test_article(client, publication, django_assert_num_queries):
    story = publication["stories"][4]  # in the series, with image, tags, authors, sources
    get(client, story.get_absolute_url())
    with django_assert_num_queries(ARTICLE):
        response = get(client, story.get_absolute_url())
    assert response.context["article"].series_previous
    assert len(response.context["also_like"]) == 3


@pytest.mark.parametrize("kind", ["category", "tag", "source", "author"])
def test_listing_pages(client, publication, django_assert_num_queries, kind):
    url = {
        "category": lambda: publication["categories"][0].get_absolute_url(),
        "tag": lambda: reverse("articles:tag", args=[TAGS[2]]),
        "source": lambda: publication["sources"][0].get_absolute_url(),
        "author": lambda: publication["authors"][0].get_absolute_url(),
    }[kind]()
    get(client, url)
    with django_assert_num_queries(LISTING + (kind == "author")):
        response = get(client, url)
    assert len(response.context["articles"]) >= 6


@pytest.mark.parametrize("kind", ["category", "tag", "source", "author"])
def test_listing_pages_compile_their_sql_once(client, publication, monkeypatch, kind):
    """Compiling a list's queries cost more than running them: they are prepared."""
    url = {
        "category": lambda: publication["categories"][0].get_absolute_url(),
        "tag": lambda: reverse("articles:tag", args=[TAGS[2]]),
        "source": lambda: publication["sources"][0].get_absolute_url() + "?page=2",
        "author": lambda: publication["authors"][0].get_absolute_url(),
    }[kind]()
    get(client, url)
    compiled = []
    as_sql = SQLCompiler.as_sql

    def recording(compiler, *args, **kwargs):
        compiled.append(compiler.query.model)
        return as_sql(compiler, *args, **kwargs)

    monkeypatch.setattr(SQLCompiler, "as_sql", recording)
    get(client, url)
    # The author page's stories they reviewed are the one list compiled on each request.
    assert compiled == ([Article] if kind == "author" else [])


def test_second_page_of_a_listing(client, publication, django_assert_num_queries):
    url = publication["sources"][0].get_absolute_url() + "?page=2"
    get(client, url)
    with django_assert_num_queries(LISTING):
        response = get(client, url)
    assert response.context["page_obj"].number == 2


def test_the_header_and_footer_cost_no_query_even_after_a_change(
    client, publication, django_assert_num_queries
):
    # The site's settings, categories and pages are cached together and rebuilt on save.
    story = publication["stories"][4]
    with django_assert_num_queries(ARTICLE):
        get(client, story.get_absolute_url())
    publication["categories"][0].save()
    with django_assert_num_queries(ARTICLE):
        get(client, story.get_absolute_url())


GROWTH_URLS = [
    "/",
    "/archive/",
    "/archive/?page=2",
    "month",
    "category",
    "tag",
    "author",
    "source",
    "/feed/rss/",
    "category feed",
    "/sitemap.xml",
    "/sitemap-articles.xml",
    "sitemap month",
    "/sitemap-tags.xml",
    "/sitemap-authors.xml",
]


@pytest.mark.parametrize("page", GROWTH_URLS)
def test_queries_do_not_grow_with_the_stories(client, publication, page):
    """Twice the stories, over a year more, and the same queries on every listing page."""
    category, author, source = (
        publication[kind][0] for kind in ["categories", "authors", "sources"]
    )
    newest = publication["stories"][0].published_at
    local = timezone.localtime(newest)
    url = {
        "month": reverse("articles:archive_month", args=[newest.year, f"{newest:%m}"]),
        "sitemap month": reverse("articles:sitemap_month", args=[f"{local:%Y}", f"{local:%m}"]),
        "category": category.get_absolute_url(),
        "tag": reverse("articles:tag", args=[TAGS[2]]),
        "author": author.get_absolute_url(),
        "source": source.get_absolute_url(),
        "category feed": reverse("articles:category_feed_rss", args=[category.slug]),
    }.get(page, page)

    def queries():
        get(client, url)  # Fills the navigation's cache.
        with CaptureQueriesContext(connection) as captured:
            get(client, url)
        return len(captured)

    # A story months older, so that the archive's months already span more than two.
    ArticleFactory(category=category, published_at=newest - timedelta(days=100))
    before = queries()
    for n in range(40):
        story = ArticleFactory(
            category=category,
            tags=TAGS[:4],
            published_at=newest - timedelta(days=9 * n, hours=1),
        )
        byline(story, author)
        cite(story, source)
    assert queries() == before


READING_PAGES = [
    "/",
    "story",
    "category",
    "tag",
    "source",
    "author",
    "/archive/",
    "month",
    "/search/?q=good",
    "/newsletter/",
]


@pytest.mark.parametrize("page", READING_PAGES)
def test_templates_find_every_name_they_look_up(client, publication, monkeypatch, page):
    """Each name a template does not find costs an exception: views give what pages show."""
    story = publication["stories"][4]
    url = {
        "story": story.get_absolute_url(),
        "category": publication["categories"][0].get_absolute_url(),
        "tag": reverse("articles:tag", args=[TAGS[2]]),
        "source": publication["sources"][0].get_absolute_url(),
        "author": publication["authors"][0].get_absolute_url(),
        "month": reverse(
            "articles:archive_month",
            args=[story.published_at.year, f"{timezone.localtime(story.published_at):%m}"],
        ),
    }.get(page, page)
    get(client, url)
    missing = []
    resolve = Variable._resolve_lookup

    def recording(variable, context):
        try:
            return resolve(variable, context)
        except VariableDoesNotExist:
            missing.append(variable.var)
            raise

    monkeypatch.setattr(Variable, "_resolve_lookup", recording)
    get(client, url)
    assert missing == []
