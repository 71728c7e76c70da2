"""Querysets compiled once and run with new values (articles/prepared.py)."""

from datetime import timedelta

import pytest
from django.db import models
from django.db.models import Count
from django.utils import timezone

from articles.models import Article
from articles.prepared import Param, PreparedQuerySet
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def stories_of(*, tags):
    """Published stories of a category by then, newest first, with their category and tags."""
    category = Param("category", models.IntegerField())
    stories = Article.objects.published(now=Param("now", models.DateTimeField()))
    stories = stories.filter(category_id=category).select_related("category")
    if tags:
        stories = stories.annotate(tag_count=Count("tagged_items"))
    return stories.order_by("-published_at", "-pk")


def test_a_prepared_queryset_gives_what_the_queryset_gives_for_each_set_of_values(
    django_assert_num_queries,
):
    now = timezone.now()
    health, nature = CategoryFactory(slug="health"), CategoryFactory(slug="nature")
    for days, category in [(3, health), (2, nature), (1, health), (-1, health)]:
        ArticleFactory(category=category, published_at=now - timedelta(days=days), tags=["x"])
    prepared = PreparedQuerySet(stories_of)
    for category, when in [(health, now), (nature, now), (health, now + timedelta(days=2))]:
        values = {"category": category.pk, "now": when}
        expected = list(
            Article.objects.published(now=when)
            .filter(category=category)
            .order_by("-published_at", "-pk")
        )
        with django_assert_num_queries(1):
            stories = prepared.run(values, tags=False)
            assert [story.category.slug for story in stories] == [category.slug] * len(expected)
        assert stories == expected
    # The time is a value, not compiled into the SQL: the story of tomorrow shows once live.
    assert len(prepared.run({"category": health.pk, "now": now}, tags=False)) == 2
    assert (
        len(prepared.run({"category": health.pk, "now": now + timedelta(days=2)}, tags=False)) == 3
    )


def test_each_shape_is_compiled_on_its_own(django_assert_num_queries):
    story = ArticleFactory(tags=["a", "b"])
    prepared = PreparedQuerySet(stories_of)
    values = {"category": story.category_id, "now": timezone.now()}
    plain = prepared.run(values, tags=False)
    counted = prepared.run(values, tags=True)
    assert plain == counted == [story]
    assert not hasattr(plain[0], "tag_count")
    assert counted[0].tag_count == 2
    assert len(prepared.compiled) == 2
    prepared.run(values, tags=True)
    assert len(prepared.compiled) == 2


def test_a_missing_value_is_an_error_not_a_query():
    prepared = PreparedQuerySet(stories_of)
    with pytest.raises(KeyError, match="now"):
        prepared.run({"category": 1}, tags=False)
