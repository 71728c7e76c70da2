"""
Everything the story page shows (also its Markdown copy and previews), in a fixed number of
queries: the story with its category, reviewer, series, hero image, series neighbours and
corrections, then one prepared query (see articles.prepared) for each list of related rows.
"""

from django.db import models
from django.db.models import Aggregate, OuterRef, Subquery
from django.db.models.functions import JSONObject
from taggit.models import Tag

from articles.models import ArticleAuthor, Citation, Correction, Study
from articles.prepared import Param, PreparedQuerySet

CORRECTION_FIELDS = ["id", "kind", "date", "text"]


class JSONArrayAgg(Aggregate):
    """The aggregated values as one JSON array (in no particular order)."""

    function = "JSON_GROUP_ARRAY"
    output_field = models.JSONField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="JSONB_AGG", **extra_context)


def with_page_data(queryset, *, now=None):
    """
    The stories of `queryset` with what their page shows; attach_page_data() adds the rest.
    `now` as for published().
    """
    corrections = (
        Correction.objects.filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(rows=JSONArrayAgg(JSONObject(**{name: name for name in CORRECTION_FIELDS})))
        .values("rows")
    )
    return (
        queryset.select_related("category", "reviewed_by", "series", "hero")
        .with_series_neighbours(now=now)
        .annotate(correction_rows=Subquery(corrections))
    )


def story_rows(queryset):
    """One story's rows of `queryset()`, in a prepared query."""
    return PreparedQuerySet(
        lambda: queryset().filter(article=Param("story", models.IntegerField()))
    )


# As taggit's own prefetch writes it, so that the tags come in the same order.
TAGS = PreparedQuerySet(
    lambda: (
        Tag.objects.filter(
            articles_taggedarticle_items__content_object__id__in=[
                Param("story", models.IntegerField())
            ],
            articles_taggedarticle_items__content_object__isnull=False,
        )
        .distinct()
        .extra(select={"_prefetch_related_val": '"articles_taggedarticle"."content_object_id"'})
    )
)
RELATED_ROWS = {
    "studies": story_rows(Study.objects.with_confirmed_notice),
    "bylines": story_rows(ArticleAuthor.objects.select_related("author").all),
    "citations": story_rows(Citation.objects.select_related("source__affiliation").all),
}


def attach_page_data(story):
    """Give `story`, from with_page_data(), its tags, corrections, studies, bylines and sources."""
    using = story._state.db
    values = {"story": story.pk}
    prefetched(story, "tags", TAGS.run(values, using=using))
    fields = [Correction._meta.get_field(name) for name in CORRECTION_FIELDS]
    rows = sorted(story.correction_rows or [], key=lambda row: (row["date"], row["id"]))
    corrections = [
        Correction.from_db(
            using,
            ["article_id", *(field.attname for field in fields)],
            [story.pk, *(field.to_python(row[field.name]) for field in fields)],
        )
        for row in rows
    ]
    prefetched(story, "corrections", corrections)
    for name, rows in RELATED_ROWS.items():
        prefetched(story, name, rows.run(values, using=using))
    return story


def prefetched(story, name, objects):
    """Hand `objects` to `story.<name>.all()`, as prefetch_related() does."""
    manager = getattr(story, name)
    queryset = manager.get_queryset()
    queryset._result_cache = objects
    queryset._prefetch_done = True
    if field := getattr(manager, "field", None):  # The reverse side of a foreign key
        for obj in objects:
            field.set_cached_value(obj, story)
    story.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset
