from datetime import timedelta

import pytest
import time_machine
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from articles import search as search_module
from articles import views
from articles.models import Article, HeadlineWord
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="trigram matching runs on PostgreSQL"
)
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 index")


def search(client, query, **params):
    response = client.get(reverse("articles:search"), {"q": query, **params})
    assert response.status_code == 200
    return response


def titles(response):
    return [article.title for article in response.context["articles"]]


def found(query):
    return [article.title for article in Article.objects.published().search(query)]


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
    ArticleFactory(title="Kelp in review", status=Article.Status.IN_REVIEW, published_at=None)
    ArticleFactory(title="Unpublished kelp", status=Article.Status.UNPUBLISHED)
    ArticleFactory(title="Scheduled kelp", published_at=timezone.now() + timedelta(hours=1))
    assert titles(search(client, "kelp")) == ["Published kelp forests"]


def test_a_headline_match_ranks_above_a_newer_body_match():
    ArticleFactory(title="Budget news", body="<p>It also mentions vaccines, once.</p>")
    ArticleFactory(title="Vaccine works", published_at=timezone.now() - timedelta(days=30))
    assert found("vaccine") == ["Vaccine works", "Budget news"]


def test_equal_matches_come_newest_first():
    ArticleFactory(title="Old river story", published_at=timezone.now() - timedelta(days=9))
    ArticleFactory(title="New river story")
    assert found("river story") == ["New river story", "Old river story"]


def test_words_are_stemmed():
    ArticleFactory(title="Vaccine works")
    ArticleFactory(title="Children vaccinated early")
    assert sorted(found("vaccinated")) == ["Children vaccinated early", "Vaccine works"]
    assert found("child") == ["Children vaccinated early"]


def test_the_last_word_typed_matches_as_a_prefix():
    ArticleFactory(title="Axolotls regrow limbs")
    assert found("axol") == ["Axolotls regrow limbs"]
    assert found("axol limbs") == []
    assert found('"axol"') == []


@on_sqlite
def test_on_sqlite_a_last_word_some_story_has_whole_is_no_prefix():
    # A prefix of a word in most stories would cost SQLite more than the rest of the search.
    ArticleFactory(title="Cell counts")
    ArticleFactory(title="Cellular networks")
    assert found("cell") == ["Cell counts"]
    assert sorted(found("cel")) == ["Cell counts", "Cellular networks"]
    assert found("networks cell") == []
    assert found("networks cellul") == ["Cellular networks"]


def test_phrases_alternatives_and_exclusions():
    ArticleFactory(title="Sea turtles nest again")
    ArticleFactory(title="Turtles and the sea", body="<p>Plastic-free beaches.</p>")
    ArticleFactory(title="Wolves return")
    assert found('"sea turtles"') == ["Sea turtles nest again"]
    assert found("turtles -plastic") == ["Sea turtles nest again"]
    assert sorted(found("nest or wolves")) == ["Sea turtles nest again", "Wolves return"]


def test_a_phrase_in_a_headline_ranks_first_and_reversed_words_are_no_phrase():
    ArticleFactory(title="Sea turtles nest again", published_at=timezone.now() - timedelta(days=30))
    ArticleFactory(title="Turtles of the open sea", body="<p>Sea turtles swim far.</p>")
    ArticleFactory(title="Turtles, sea and sand")
    assert found('"sea turtles"') == ["Sea turtles nest again", "Turtles of the open sea"]
    assert found('"sea turtles" -nest') == ["Turtles of the open sea"]
    assert found('"turtles of the open sea"') == ["Turtles of the open sea"]


def test_text_inside_html_tags_never_matches():
    ArticleFactory(
        title="Hearing aids",
        body='<p>Read <a href="https://cancer.example.org/" title="tumour">the study</a>.</p>',
    )
    assert found("cancer") == []
    assert found("tumour") == []
    assert found("href") == []
    assert found("study") == ["Hearing aids"]


def test_results_mark_the_matches_and_escape_the_text(client):
    article = ArticleFactory(
        title="Wolves <b>return</b> & thrive",
        body="<p>Rangers &lt;script&gt; counted wolves in the Alps.</p>",
    )
    html = search(client, "wolves <script>").content.decode()
    assert (
        f'<a href="{article.get_absolute_url()}"><mark>Wolves</mark> &lt;b&gt;return&lt;/b&gt; '
        "&amp; thrive</a>" in html
    )
    assert "<mark>script</mark>" in html and "counted <mark>wolves</mark> in the Alps" in html
    assert "<script>" not in html.split("<main", 1)[1].split("</main>")[0]


def test_search_page_shows_the_count_and_one_search_field(client):
    ArticleFactory(title="Wolves return to the Alps")
    html = search(client, "wolves").content.decode()
    assert "<h2>1 story found</h2>" in html
    assert html.count('name="q"') == 1
    assert 'value="wolves"' in html
    assert '<meta name="robots" content="noindex">' in html
    assert 'name="q"' in client.get("/").content.decode()


def test_search_without_matches_says_so_and_offers_a_way_on(client):
    ArticleFactory(title="Wolves return", tags=["rewilding"])
    html = search(client, "zebras").content.decode()
    assert "No stories match “zebras”." in html
    assert "Popular topics" in html
    assert 'href="/tag/rewilding/">rewilding</a>' in html
    assert "Latest stories" in html and "Wolves return" in html


@pytest.mark.parametrize("query", ["", "   "])
def test_empty_search_invites_the_reader_to_type(client, query):
    ArticleFactory(title="Wolves return", tags=["rewilding"])
    response = search(client, query)
    assert list(response.context["articles"]) == []
    html = response.content.decode()
    assert "Type a few words to search every published story." in html
    assert "rewilding" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("a" * 201, "Please search with at most 200 characters."),
        ("a" * 10_000, "Please search with at most 200 characters."),
        ("nul\x00byte", "Please search with letters, digits and punctuation."),
        ("?!…", "Please search with at least one word of letters or digits"),
        ("-only -minus", "Please search with at least one word of letters or digits"),
    ],
)
def test_bad_queries_get_a_clear_message(client, query, message):
    response = search(client, query)
    assert list(response.context["articles"]) == []
    assert message in response.content.decode()


HOSTILE = [
    '"unclosed', 'two "quotes" and "one', '"', '""', "-", "a & | ! :*", "(()", "or or", "’‘",
    "NEAR(wolves alps", "NEAR(wolves alps, 2)", "wolves*", "*", "^wolves", "title:wolves",
    "body_text:wolves", "{title standfirst}: wolves", "wolves AND", "NOT wolves", "wolves OR",
    "AND OR NOT", "wolves + alps", "wolves:*", "'wolves' & 'alps'", "wolves <-> alps",
    "'; DROP TABLE articles_article; --", "1' OR '1'='1", "wolves\\", "%", "_", "🐺 wolves",
    "Ünïcödé wolves", "x" * 200, " ".join(["wolves"] * 60), "a" * 10_000,
]  # fmt: skip


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_input_never_fails(client, query):
    ArticleFactory(title="Wolves return to the Alps")
    ArticleFactory(title="Draft wolves", status=Article.Status.DRAFT, published_at=None)
    response = search(client, query)
    assert "Draft wolves" not in titles(response)
    assert not any("Draft" in title for title in found(query))


def test_filters_by_topic_and_date(client):
    health = CategoryFactory(name="Health", slug="health")
    ArticleFactory(title="Heart study", category=health)
    ArticleFactory(title="Heart of the forest")
    ArticleFactory(title="Old heart study", published_at=timezone.now() - timedelta(days=400))
    assert titles(search(client, "heart", category="health")) == ["Heart study"]
    since = (timezone.now() - timedelta(days=30)).date().isoformat()
    assert sorted(titles(search(client, "heart", since=since))) == [
        "Heart of the forest",
        "Heart study",
    ]
    until = (timezone.now() - timedelta(days=300)).date().isoformat()
    assert titles(search(client, "heart", until=until)) == ["Old heart study"]
    html = search(client, "heart", since="2026-02-01", until="2026-01-01").content.decode()
    assert "The end date comes before the start date." in html


def test_pages_keep_the_query(client):
    for _ in range(13):
        ArticleFactory(title="Heatwave warnings save lives")
    first = search(client, "heatwave")
    assert 'href="?q=heatwave&amp;page=2"' in first.content.decode()
    second = search(client, "heatwave", page=2)
    assert len(second.context["articles"]) == 1
    assert client.get(reverse("articles:search"), {"q": "heatwave", "page": 9}).status_code == 404


def test_results_stop_at_a_sane_depth(client, monkeypatch):
    monkeypatch.setattr(views, "MAX_SEARCH_RESULTS", 5)
    for _ in range(7):
        ArticleFactory(title="Heatwave warnings")
    response = search(client, "heatwave")
    assert len(response.context["articles"]) == 5
    assert "More than 5 stories found" in response.content.decode()
    assert client.get(reverse("articles:search"), {"q": "heatwave", "page": 2}).status_code == 404


def test_search_queries_do_not_grow_with_results(client, django_assert_max_num_queries):
    for _ in range(12):
        ArticleFactory(title="Rivers run clean", tags=["water", "rivers"])
    with django_assert_max_num_queries(6):
        search(client, "rivers")


def test_index_follows_edits_deletes_and_unpublishing():
    story = ArticleFactory(title="Quiet headline")
    story.title = "Axolotls regrow limbs"
    story.save()
    assert found("axolotls") == ["Axolotls regrow limbs"]
    assert found("quiet") == []
    story.status = Article.Status.UNPUBLISHED
    story.save()
    assert found("axolotls") == []
    story.status = Article.Status.PUBLISHED
    story.save()
    story.delete()
    assert found("axolotls") == []


def test_index_follows_bulk_writes():
    story = ArticleFactory(title="Quiet headline")
    Article.objects.filter(pk=story.pk).update(title="Axolotls regrow limbs")
    assert found("axolotls") == ["Axolotls regrow limbs"]
    Article.objects.filter(pk=story.pk).update(status=Article.Status.DRAFT)
    assert found("axolotls") == []
    Article.objects.bulk_create(
        [ArticleFactory.build(title="Axolotl genome mapped", category=story.category)]
    )
    assert found("axolotl") == ["Axolotl genome mapped"]
    Article.objects.filter(pk=story.pk).delete()
    Article.objects.all().delete()
    assert found("axolotl") == []


def test_a_scheduled_story_is_found_once_it_goes_live():
    ArticleFactory(title="Axolotls regrow limbs", published_at=timezone.now() + timedelta(hours=2))
    assert found("axolotls") == []
    with time_machine.travel(timezone.now() + timedelta(hours=3)):
        assert found("axolotls") == ["Axolotls regrow limbs"]


@on_postgresql
def test_a_misspelling_finds_the_story_and_says_what_was_searched(client):
    ArticleFactory(title="Alzheimer drug slows decline")
    ArticleFactory(title="Unrelated budget")
    response = search(client, "alzeimer")
    assert titles(response) == ["Alzheimer drug slows decline"]
    html = response.content.decode()
    assert "No stories match “alzeimer”. Showing results for" in html
    assert 'href="?q=alzheimer">alzheimer</a>' in html


@on_postgresql
def test_the_headline_word_list_follows_every_write():
    story = ArticleFactory(title="Quiet headline")
    assert HeadlineWord.objects.filter(word__in=["quiet", "headline"]).count() == 2
    Article.objects.filter(pk=story.pk).update(title="Axolotls regrow <limbs>")
    Article.objects.bulk_create(
        [ArticleFactory.build(title="Tardigrades survive", category=story.category)]
    )
    published = Article.objects.published()
    assert published.spelling_suggestion("axolotel") == "axolotls"
    assert published.spelling_suggestion("regrow limbz") == "regrow limbs"
    assert published.spelling_suggestion("tardigrads survive") == "tardigrades survive"


@on_postgresql
def test_a_suggestion_never_comes_from_a_story_readers_cannot_see():
    ArticleFactory(title="Embargoed tirzepatide trial", status=Article.Status.DRAFT)
    ArticleFactory(title="Tirzepatide later", published_at=timezone.now() + timedelta(hours=1))
    ArticleFactory(title="Ozempic shortage")
    published = Article.objects.published()
    assert HeadlineWord.objects.filter(word="tirzepatide").exists()
    assert published.spelling_suggestion("tirzepatid") == ""
    assert published.spelling_suggestion("ozempik") == "ozempic"
    assert published.spelling_suggestion("zebrafish") == ""


@on_postgresql
def test_a_suggestion_takes_two_queries_whatever_the_words(django_assert_num_queries):
    ArticleFactory(title="Alzheimer drug slows decline")
    # The nearest word to each, and the check that the corrected query finds stories.
    with django_assert_num_queries(2):
        assert Article.objects.published().spelling_suggestion("alzeimer drug") == "alzheimer drug"


@on_postgresql
def test_postgresql_search_uses_the_gin_index():
    # The vector filter search() uses (its candidate subquery may walk ids instead).
    words = SearchQuery(
        search_module.parse("vaccine").tsquery(), search_type="raw", config="english"
    )
    query = Article.objects.filter(search_vector=words)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = query.explain()
    assert "article_search_vector" in plan


@on_postgresql
def test_postgresql_keeps_the_search_vector_in_the_row():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstorage FROM pg_attribute"
            " WHERE attrelid = 'articles_article'::regclass AND attname = 'search_vector'"
        )
        assert cursor.fetchone() == ("m",)


@on_sqlite
def test_sqlite_index_is_repaired_when_a_migration_rebuilds_the_table():
    ArticleFactory(title="Axolotls regrow limbs")
    with connection.cursor() as cursor:
        for trigger in search_module.SQLITE_TRIGGERS:
            cursor.execute(f"DROP TRIGGER {trigger}")
    search_module.sqlite_index_repair(using="default")
    ArticleFactory(title="Axolotl genome mapped")
    assert sorted(found("axolotl")) == ["Axolotl genome mapped", "Axolotls regrow limbs"]


@pytest.mark.parametrize(
    ("text", "fts5", "ranked", "tsquery"),
    [
        ("wolves alps", '(("wolves" AND "alps"*))', None, "((('wolves') & ('alps':*)))"),
        (
            '"sea turtles" -plastic',
            '(("sea turtles")) NOT "plastic"',
            '((NEAR("sea" "turtles", 0)))',
            None,
        ),
        ("a or b", '(("a") OR ("b"*))', None, None),
        (
            "NEAR(x*, 2) col:y",
            '(("near x" AND "2" AND "col y"))',
            '((NEAR("near" "x", 0) AND "2" AND NEAR("col" "y", 0)))',
            None,
        ),
        (
            '"open sea turtles" or reefs',
            '(("open sea turtles") OR ("reefs"*))',
            '((NEAR("open" "sea" "turtles", 1)) OR ("reefs"*))',
            None,
        ),
    ],
)
def test_queries_reach_the_database_as_quoted_words_only(text, fts5, ranked, tsquery):
    query = search_module.parse(text)
    assert query.fts5() == fts5
    assert query.fts5(ranked=True) == (ranked or fts5)
    if tsquery:
        assert query.tsquery() == tsquery


def test_opensearch_description_and_link(client, settings):
    response = client.get(reverse("articles:opensearch"))
    assert response["Content-Type"].startswith("application/opensearchdescription+xml")
    assert f'template="{settings.SITE_URL}/search/?q={{searchTerms}}"' in response.text
    html = client.get("/").content.decode()
    assert (
        '<link rel="search" type="application/opensearchdescription+xml" '
        f'title="{settings.SITE_NAME}" href="/opensearch.xml">' in html
    )


def test_cached_search_pages_are_kept_apart_by_query(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    ArticleFactory(title="Wolves return")
    ArticleFactory(title="Bees thrive")
    assert search(client, "wolves")["X-Cache"] == "miss"
    assert titles(search(client, "bees")) == ["Bees thrive"]
    cached = search(client, "wolves")
    assert cached["X-Cache"] == "hit"
    assert "Bees thrive" not in cached.content.decode()
    ArticleFactory(title="Wolves howl")
    assert "Wolves howl" in titles(search(client, "wolves"))


def test_past_the_candidate_limit_the_newest_matches_are_ranked(monkeypatch):
    monkeypatch.setattr(search_module, "CANDIDATES", 2)
    ArticleFactory(title="Vaccine works")
    ArticleFactory(title="Budget", body="<p>Vaccine mention.</p>")
    ArticleFactory(title="Sport", body="<p>Vaccine again.</p>")
    assert found("vaccine") == ["Budget", "Sport"]
    monkeypatch.setattr(search_module, "CANDIDATES", 3)
    assert found("vaccine")[0] == "Vaccine works"


def test_past_the_candidate_limit_the_newest_phrase_matches_are_ranked(monkeypatch):
    monkeypatch.setattr(search_module, "CANDIDATES", 2)
    ArticleFactory(title="Sea turtles nest")
    ArticleFactory(title="Budget", body="<p>Sea turtles mention.</p>")
    ArticleFactory(title="Sport", body="<p>Sea turtles again.</p>")
    ArticleFactory(title="Weather", body="<p>Turtles, sea and sand.</p>")
    assert sorted(found('"sea turtles"')) == ["Budget", "Sport"]
    monkeypatch.setattr(search_module, "CANDIDATES", 3)
    assert found('"sea turtles"')[0] == "Sea turtles nest"


def test_a_prefix_is_filtered_as_word_or_prefix_so_postgresql_can_estimate_it():
    query = search_module.parse("wolves alps")
    assert query.tsquery(estimable=True) == "((('wolves') & (('alps' | 'alps':*))))"
    assert query.tsquery() == "((('wolves') & ('alps':*)))"
