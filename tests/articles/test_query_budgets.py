"""Every reading page runs a fixed number of queries, however much content it shows."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from articles.demo.images import hero_jpeg
from articles.models import Correction, Series, Study
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    SourceFactory,
    byline,
    cite,
)

pytestmark = pytest.mark.django_db

BUDGET = 8
ARTICLE_BUDGET = BUDGET + 1  # the studies the story reports
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
        story.hero_image_alt = "A picture"
        story.hero_image.save(f"{story.slug}.jpg", ContentFile(image))
    stories[5].related_articles.add(*stories[10:14])
    return {"stories": stories, "authors": authors, "sources": sources, "categories": categories}


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


def test_home(client, publication, django_assert_max_num_queries):
    with django_assert_max_num_queries(BUDGET):
        response = get(client, reverse("articles:home"))
    assert len(response.context["sections"]) == 6


def test_article(client, publication, django_assert_max_num_queries):
    story = publication["stories"][4]  # in the series, with image, tags, authors, sources
    with django_assert_max_num_queries(ARTICLE_BUDGET):
        response = get(client, story.get_absolute_url())
    assert response.context["article"].series_previous
    assert len(response.context["also_like"]) == 3


@pytest.mark.parametrize("kind", ["category", "tag", "source", "author"])
def test_listing_pages(client, publication, django_assert_max_num_queries, kind):
    url = {
        "category": lambda: publication["categories"][0].get_absolute_url(),
        "tag": lambda: reverse("articles:tag", args=[TAGS[2]]),
        "source": lambda: publication["sources"][0].get_absolute_url(),
        "author": lambda: publication["authors"][0].get_absolute_url(),
    }[kind]()
    with django_assert_max_num_queries(BUDGET):
        response = get(client, url)
    assert len(response.context["articles"]) >= 6


def test_second_page_of_a_listing(client, publication, django_assert_max_num_queries):
    url = publication["sources"][0].get_absolute_url() + "?page=2"
    with django_assert_max_num_queries(BUDGET):
        response = get(client, url)
    assert response.context["page_obj"].number == 2
