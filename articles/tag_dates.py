"""
Each tagging's copy of its story's publication time, `TaggedArticle.published_at`, kept by
triggers so that save(), bulk_create(), QuerySet.update() and loaddata all reach it. A tagging
takes its story's time when either is written: a fixture, or any insert with PostgreSQL's
deferred foreign keys, can write the tagging first. With it a tag's newest stories are read off
one index, rather than found by checking each of the tag's stories (or each of the newest
stories) for the tag. Whether a story is live is still asked of the story.
"""

from django.db import connections

COPY = """
    UPDATE articles_taggedarticle SET published_at = (
        SELECT published_at FROM articles_article
        WHERE articles_article.id = articles_taggedarticle.content_object_id
    )
"""
# The copies a tagging inserted before its story has left empty (migration 0024).
COPY_MISSING = (
    COPY
    + """
    WHERE published_at IS NULL AND content_object_id IN (
        SELECT id FROM articles_article WHERE published_at IS NOT NULL
    )
"""
)

POSTGRESQL_STORY_INSERT = """
    CREATE OR REPLACE TRIGGER articles_article_insert_tagging_published_at
    AFTER INSERT ON articles_article
    FOR EACH ROW WHEN (NEW.published_at IS NOT NULL)
    EXECUTE FUNCTION articles_article_tagging_published_at()
"""
SQLITE_STORY_INSERT = """
    CREATE TRIGGER IF NOT EXISTS articles_article_insert_tagging_published_at
    AFTER INSERT ON articles_article
    WHEN new.published_at IS NOT NULL BEGIN
        UPDATE articles_taggedarticle SET published_at = new.published_at
        WHERE content_object_id = new.id;
    END
"""

# A trigger function's statements are planned once per connection and kept. The plan for "this
# story's taggings" made while the table was small (or just after ANALYZE found it empty: a new
# install's migrations) scans the whole table, and stayed so as it grew: a 100,000-story load
# slowed from 2,000 stories in a few seconds to 2,000 in a minute, each one scanning every
# tagging. Planned on each call, it reads the (content_object_id) index once the table is large.
POSTGRESQL_PLANNED_PER_STORY = """
    ALTER FUNCTION articles_article_tagging_published_at() SET plan_cache_mode = force_custom_plan
"""

POSTGRESQL = [
    """
    CREATE OR REPLACE FUNCTION articles_tagging_published_at() RETURNS trigger AS $$
    BEGIN
        SELECT published_at INTO NEW.published_at
        FROM articles_article WHERE id = NEW.content_object_id;
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE OR REPLACE TRIGGER articles_tagging_published_at
    BEFORE INSERT OR UPDATE ON articles_taggedarticle
    FOR EACH ROW EXECUTE FUNCTION articles_tagging_published_at()
    """,
    """
    CREATE OR REPLACE FUNCTION articles_article_tagging_published_at() RETURNS trigger AS $$
    BEGIN
        UPDATE articles_taggedarticle SET published_at = NEW.published_at
        WHERE content_object_id = NEW.id;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE OR REPLACE TRIGGER articles_article_tagging_published_at
    AFTER UPDATE OF published_at ON articles_article
    FOR EACH ROW WHEN (OLD.published_at IS DISTINCT FROM NEW.published_at)
    EXECUTE FUNCTION articles_article_tagging_published_at()
    """,
    POSTGRESQL_STORY_INSERT,
    POSTGRESQL_PLANNED_PER_STORY,
]

SQLITE = [
    """
    CREATE TRIGGER IF NOT EXISTS articles_tagging_published_at
    AFTER INSERT ON articles_taggedarticle BEGIN
        UPDATE articles_taggedarticle SET published_at = (
            SELECT published_at FROM articles_article WHERE id = new.content_object_id
        ) WHERE id = new.id;
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS articles_tagging_published_at_update
    AFTER UPDATE OF content_object_id, published_at ON articles_taggedarticle BEGIN
        UPDATE articles_taggedarticle SET published_at = (
            SELECT published_at FROM articles_article WHERE id = new.content_object_id
        ) WHERE id = new.id;
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS articles_article_tagging_published_at
    AFTER UPDATE OF published_at ON articles_article
    WHEN old.published_at IS NOT new.published_at BEGIN
        UPDATE articles_taggedarticle SET published_at = new.published_at
        WHERE content_object_id = new.id;
    END
    """,
    SQLITE_STORY_INSERT,
]
SQLITE_TRIGGERS = {
    "articles_tagging_published_at",
    "articles_tagging_published_at_update",
    "articles_article_tagging_published_at",
    "articles_article_insert_tagging_published_at",
}


def tag_dates_create(schema_editor):
    """Add the triggers and fill the copies (migration 0023)."""
    statements = POSTGRESQL if schema_editor.connection.vendor == "postgresql" else SQLITE
    for statement in statements:
        schema_editor.execute(statement)
    schema_editor.execute(COPY)


def tag_dates_on_story_insert(schema_editor):
    """Add the story insert's trigger where 0023 ran without it, and fill the copies it would
    have filled (migration 0024)."""
    postgresql = schema_editor.connection.vendor == "postgresql"
    schema_editor.execute(POSTGRESQL_STORY_INSERT if postgresql else SQLITE_STORY_INSERT)
    schema_editor.execute(COPY_MISSING)


def tag_dates_planned_per_story(schema_editor):
    """Plan the story triggers' update of its taggings on each call (migration 0027)."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRESQL_PLANNED_PER_STORY)


def tag_dates_drop(schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "DROP TRIGGER IF EXISTS articles_tagging_published_at ON articles_taggedarticle"
        )
        for trigger in [
            "articles_article_tagging_published_at",
            "articles_article_insert_tagging_published_at",
        ]:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger} ON articles_article")
        schema_editor.execute("DROP FUNCTION IF EXISTS articles_tagging_published_at()")
        schema_editor.execute("DROP FUNCTION IF EXISTS articles_article_tagging_published_at()")
    else:
        for name in SQLITE_TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")


def tag_dates_repair(*, using, **kwargs):
    """
    After every migrate: put back SQLite's triggers and the copies if a migration has rebuilt
    either table (which drops its triggers); nothing before migration 0023 or after its reversal.
    """
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        if {name for (name,) in cursor.fetchall()} >= SQLITE_TRIGGERS:
            return
        cursor.execute(
            "SELECT 1 FROM pragma_table_info('articles_taggedarticle') WHERE name = 'published_at'"
        )
        if cursor.fetchone() is None:
            return
        for statement in SQLITE:
            cursor.execute(statement)
        cursor.execute(COPY)
