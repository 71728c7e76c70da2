from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search runs on PostgreSQL"
)
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite fallback")


def search(client, query, **params):
    response = client.get(reverse("articles:search"), {"q": query, **params})
    assert response.status_code == 200
    return response


def titles(response):
    return [article.title for article in response.context["articles"]]


def test_search_finds_words_in_headline_standfirst_and_body(client):
    ArticleFactory(title="Coral reefs recover", body="<p>Divers counted fish.</p>")
    ArticleFactory(title="Solar farms", standfirst="Panels shade grazing sheep in the heat.")
    ArticleFactory(title="Bee corridors", body="<p>Meadows help pollinators and sheep.</p>")
    ArticleFactory(title="Unrelated", body="<p>Nothing here.</p>")
    assert titles(search(client, "coral")) == ["Coral reefs recover"]
    assert sorted(titles(search(client, "sheep"))) == ["Bee corridors", "Solar farms"]


def test_search_lists_published_stories_only(client):
    ArticleFactory(title="Published kelp forests")
    ArticleFactory(title="Draft kelp farms", status=Article.Status.DRAFT, published_at=None)
    ArticleFactory(title="Scheduled kelp", published_at=timezone.now() + timedelta(hours=1))
    assert titles(search(client, "kelp")) == ["Published kelp forests"]


def test_search_page_shows_cards_and_count(client):
    article = ArticleFactory(title="Wolves return to the Alps")
    html = search(client, "wolves").content.decode()
    assert "<h2>1 story found</h2>" in html
    assert f'<a href="{article.get_absolute_url()}">Wolves return to the Alps</a>' in html
    assert 'value="wolves"' in html
    assert '<meta name="robots" content="noindex">' in html


def test_search_without_matches_says_so(client):
    ArticleFactory(title="Wolves return")
    html = search(client, "zebras").content.decode()
    assert "No stories match “zebras”." in html


@pytest.mark.parametrize("query", ["", "   "])
def test_empty_search_invites_the_reader_to_type(client, query):
    ArticleFactory()
    response = search(client, query)
    assert list(response.context["articles"]) == []
    assert "Type a few words to search every published story." in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("a" * 201, "Please search with at most 200 characters."),
        ("nul\x00byte", "Please search with letters, digits and punctuation."),
    ],
)
def test_bad_queries_get_a_clear_message(client, query, message):
    response = search(client, query)
    assert list(response.context["articles"]) == []
    assert message in response.content.decode()


@pytest.mark.parametrize("query", ['"unclosed', "-", "a & | ! :*", "(()", "or or", "’‘"])
def test_odd_punctuation_never_fails(client, query):
    ArticleFactory(title="Ordinary words")
    search(client, query)


def test_pages_keep_the_query(client):
    for _ in range(13):
        ArticleFactory(title="Heatwave warnings save lives")
    first = search(client, "heatwave")
    assert 'href="?q=heatwave&amp;page=2"' in first.content.decode()
    second = search(client, "heatwave", page=2)
    assert len(second.context["articles"]) == 1
    assert client.get(reverse("articles:search"), {"q": "heatwave", "page": 9}).status_code == 404


def test_search_queries_do_not_grow_with_results(client, django_assert_max_num_queries):
    for _ in range(12):
        ArticleFactory(title="Rivers run clean", tags=["water", "rivers"])
    with django_assert_max_num_queries(4):
        search(client, "rivers")


@on_sqlite
def test_sqlite_matches_every_word_newest_first(client):
    old = ArticleFactory(title="Old river story", published_at=timezone.now() - timedelta(days=9))
    new = ArticleFactory(title="New river cleanup", body="<p>The story continues.</p>")
    ArticleFactory(title="River only")
    assert titles(search(client, "river story")) == [new.title, old.title]


@on_postgresql
def test_postgresql_ranks_headline_matches_first_and_stems_words(client):
    ArticleFactory(title="Budget news", body="<p>Also mentions vaccines once.</p>")
    headline = ArticleFactory(
        title="Vaccine works", published_at=timezone.now() - timedelta(days=30)
    )
    assert titles(search(client, "vaccinated"))[0] == headline.title


@on_postgresql
def test_postgresql_understands_phrases_and_exclusions(client):
    ArticleFactory(title="Sea turtles nest again")
    ArticleFactory(title="Turtles and the sea", body="<p>Plastic-free beaches.</p>")
    assert titles(search(client, '"sea turtles"')) == ["Sea turtles nest again"]
    assert titles(search(client, "turtles -plastic")) == ["Sea turtles nest again"]


@on_postgresql
def test_postgresql_indexes_stories_however_they_are_written(client):
    story = ArticleFactory(title="Quiet headline")
    Article.objects.filter(pk=story.pk).update(body="<p>Axolotls regrow limbs.</p>")
    Article.objects.bulk_create(
        [ArticleFactory.build(title="Axolotl genome mapped", category=story.category)]
    )
    assert sorted(titles(search(client, "axolotl"))) == ["Axolotl genome mapped", "Quiet headline"]


@on_postgresql
def test_postgresql_search_uses_the_gin_index():
    query = Article.objects.search("vaccine")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = query.explain()
    assert "article_search" in plan
