"""
Article.search_document: the weighted words of a story, for PostgreSQL full-text search.

On PostgreSQL a trigger fills it on every insert and update (bulk_create and QuerySet.update
included) and a GIN index serves the search. Other databases keep the column empty and search by
substring, so this migration runs on SQLite too. The configuration must stay SEARCH_CONFIG.
"""

import django.contrib.postgres.search
from django.db import migrations

CREATE = """
CREATE FUNCTION articles_article_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_document :=
        setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A')
        || setweight(to_tsvector('english', coalesce(NEW.standfirst, '')), 'B')
        || setweight(to_tsvector('english', coalesce(NEW.body, '')), 'C');
    RETURN NEW;
END
$$;
CREATE TRIGGER articles_article_search_document
    BEFORE INSERT OR UPDATE ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_article_search_document();
UPDATE articles_article SET search_document = NULL;
CREATE INDEX article_search ON articles_article USING gin (search_document);
"""

DROP = """
DROP INDEX IF EXISTS article_search;
DROP TRIGGER IF EXISTS articles_article_search_document ON articles_article;
DROP FUNCTION IF EXISTS articles_article_search_document();
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_document",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False,
                help_text="Headline (weight A), standfirst (B) and body (C), kept up to date by a PostgreSQL trigger; empty on other databases.",
                null=True,
            ),
        ),
        migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP), elidable=False),
    ]
