"""A tag's page lists its live stories newest first, whichever way their dates were set."""

import random
from datetime import timedelta

import pytest
import time_machine
from django.core import serializers
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from articles import services, tag_dates
from articles.models import Article, TaggedArticle
from tests.articles.roles import make_users
from tests.articles.test_migrations import migrate
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now().replace(microsecond=0)
URL = reverse("articles:tag", args=["vaccines"])


def listed(client, url=URL):
    """Every story the tag's pages show, in order, page after page."""
    stories, page = [], 1
    while True:
        response = client.get(url, {"page": page})
        assert response.status_code == 200
        stories += response.context["articles"]
        if not response.context["page_obj"].has_next():
            return stories
        page += 1


def expected():
    published = Article.objects.published().filter(tags__slug="vaccines")
    return list(published.order_by("-published_at", "-pk"))


@pytest.fixture
def stories():
    """Stories dated out of the order they were written, two of them at the same moment."""
    days = list(range(1, 28))
    random.Random(17).shuffle(days)
    dated = [ArticleFactory(tags=["vaccines"], published_at=NOW - timedelta(days=n)) for n in days]
    ArticleFactory.create_batch(2, tags=["vaccines", "flu"], published_at=NOW - timedelta(days=9))
    ArticleFactory(tags=["flu"], published_at=NOW - timedelta(hours=1))
    return dated


def test_the_newest_first_with_ties_by_newest_story(client, stories):
    shown = listed(client)
    assert len(shown) == 29
    assert shown == expected()
    tied = [story for story in shown if story.published_at == NOW - timedelta(days=9)]
    assert [story.pk for story in tied] == sorted((story.pk for story in tied), reverse=True)


def test_drafts_and_stories_still_to_come_are_never_listed(client, stories):
    ArticleFactory(tags=["vaccines"], status=Article.Status.DRAFT, published_at=None)
    ArticleFactory(tags=["vaccines"], status=Article.Status.DRAFT, published_at=NOW)
    ArticleFactory(tags=["vaccines"], status=Article.Status.UNPUBLISHED, published_at=NOW)
    ArticleFactory(tags=["vaccines"], published_at=timezone.now() + timedelta(hours=2))
    shown = listed(client)
    assert len(shown) == 29
    assert shown == expected()


def test_the_list_follows_stories_redated_however_they_are(client, stories):
    users = make_users()
    editor = users["editor"]
    tagging = TaggedArticle.objects.get(content_object=stories[5])  # loaded before the change
    stories[5].published_at = NOW - timedelta(minutes=5)
    stories[5].save()
    tagging.save()
    Article.objects.filter(pk=stories[6].pk).update(published_at=NOW - timedelta(days=40))
    services.article_unpublish(article=stories[7], user=editor)
    coming = ArticleFactory(tags=["vaccines"], status=Article.Status.IN_REVIEW, published_at=None)
    services.article_schedule(article=coming, user=editor, at=NOW + timedelta(hours=1))
    late = ArticleFactory(published_at=NOW - timedelta(minutes=1))
    late.tags.add("vaccines")  # tagged after it went out
    shown = listed(client)
    assert shown[:2] == [late, stories[5]]
    assert shown[-1] == stories[6]
    assert stories[7] not in shown and coming not in shown
    assert shown == expected()

    with time_machine.travel(NOW + timedelta(hours=2)):
        services.article_publish(article=stories[7], user=editor)  # back on its first date
        shown = listed(client)
        assert shown[0] == coming  # gone live at its time
        assert stories[7] in shown
        assert shown == expected()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite drops a rebuilt table's triggers")
def test_sqlite_copies_are_repaired_when_a_migration_rebuilds_a_table(client, stories):
    with connection.cursor() as cursor:
        for trigger in tag_dates.SQLITE_TRIGGERS:
            cursor.execute(f"DROP TRIGGER {trigger}")
    Article.objects.filter(pk=stories[3].pk).update(published_at=NOW - timedelta(minutes=5))
    tag_dates.tag_dates_repair(using="default")
    Article.objects.filter(pk=stories[4].pk).update(published_at=NOW - timedelta(minutes=1))
    shown = listed(client)
    assert shown[:2] == [stories[4], stories[3]]
    assert shown == expected()


def load_taggings_first(story, tmp_path):
    """Load `story` again from a fixture that lists its taggings before it."""
    taggings = TaggedArticle.objects.filter(content_object=story)
    fixture = tmp_path / "story.json"
    fixture.write_text(serializers.serialize("json", [*taggings, story]))
    Article.objects.filter(pk=story.pk).delete()
    call_command("loaddata", fixture, verbosity=0)


def test_a_fixture_listing_taggings_before_their_stories_keeps_the_order(client, stories, tmp_path):
    story = ArticleFactory(tags=["vaccines"], published_at=NOW - timedelta(days=3, hours=12))
    load_taggings_first(story, tmp_path)
    shown = listed(client)
    assert shown.index(story) == 3
    assert shown == expected()


@pytest.mark.django_db(transaction=True)
def test_migrating_fills_the_copies_a_fixture_left_empty(client, tmp_path):
    migrate([("articles", "0023_tag_lists_by_publication")])
    try:
        with connection.cursor() as cursor:
            on = " ON articles_article" if connection.vendor == "postgresql" else ""
            cursor.execute(f"DROP TRIGGER articles_article_insert_tagging_published_at{on}")
        story = ArticleFactory(tags=["vaccines"], published_at=NOW - timedelta(days=2))
        ArticleFactory(tags=["vaccines"], published_at=NOW - timedelta(days=1))
        load_taggings_first(story, tmp_path)
        assert TaggedArticle.objects.get(content_object=story).published_at is None
        migrate([("articles", "0024_tag_dates_on_story_insert")])
        assert TaggedArticle.objects.get(content_object=story).published_at == story.published_at
        assert listed(client)[1] == story
    finally:
        call_command("migrate", verbosity=0)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's trigger functions")
def test_a_story_reaches_its_taggings_by_index_however_few_there_were_at_first():
    # A new install's migrations analyze the empty tables; the first stories then run the
    # trigger while there are few taggings, and each later story must not scan them all.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_taggedarticle")
    ArticleFactory.create_batch(20, tags=["vaccines"], published_at=NOW)
    with connection.cursor() as cursor:  # then 20,000 taggings: 1,000 more tags on each
        cursor.execute(
            "INSERT INTO taggit_tag (name, slug)"
            " SELECT 'bulk ' || g, 'bulk-' || g FROM generate_series(1, 1000) g"
        )
        cursor.execute(
            "INSERT INTO articles_taggedarticle (content_object_id, tag_id)"
            " SELECT article.id, tag.id FROM articles_article article"
            " CROSS JOIN taggit_tag tag WHERE tag.slug LIKE 'bulk-%'"
        )

    def scans():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT seq_scan, idx_scan FROM pg_stat_xact_user_tables"
                " WHERE relname = 'articles_taggedarticle'"
            )
            return cursor.fetchone()

    before = scans()
    ArticleFactory.create_batch(3, published_at=NOW)
    after = scans()
    assert after[0] == before[0], "a story's insert scanned every tagging"
    assert after[1] >= before[1] + 3
