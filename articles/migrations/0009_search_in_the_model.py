"""
Search declared in the model: on PostgreSQL the weighted vector becomes a generated column with
its GIN index (replacing the trigger of 0003_search), with trigram matching of headlines for
misspellings; on SQLite an FTS5 table kept by triggers (see articles.search). Both index
`body_text`, the body's plain text, so that words inside HTML tags never match.
"""

import importlib

import django.contrib.postgres.indexes
import django.contrib.postgres.operations
import django.contrib.postgres.search
from django.db import migrations, models

import articles.search

TRIGGER = importlib.import_module("articles.migrations.0003_search")


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGER.DROP)


def restore_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGER.CREATE)


def fill_body_text(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    stories = Article.objects.using(schema_editor.connection.alias).only("body")
    for article in stories.iterator(chunk_size=2000):
        article.body_text = articles.search.plain_text(article.body)
        article.save(update_fields=["body_text"])


def create_sqlite_index(apps, schema_editor):
    articles.search.sqlite_index_create(schema_editor)


def drop_sqlite_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for trigger in articles.search.SQLITE_TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        schema_editor.execute("DROP TABLE IF EXISTS article_search")


class Migration(migrations.Migration):
    dependencies = [("articles", "0008_article_indexes_for_scale")]

    operations = [
        migrations.RunPython(drop_trigger, restore_trigger, elidable=False),
        migrations.RemoveField(model_name="article", name="search_document"),
        migrations.AddField(
            model_name="article",
            name="body_text",
            field=models.TextField(
                blank=True,
                editable=False,
                help_text="The body's plain text, for search; set on save.",
            ),
        ),
        migrations.RunPython(fill_body_text, migrations.RunPython.noop, elidable=False),
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=articles.search.search_vector(),
                help_text="Headline (weight A), standfirst (B) and body (C), for PostgreSQL full-text search; NULL on SQLite, which searches its FTS5 table (see articles.search).",
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        django.contrib.postgres.operations.TrigramExtension(),
        migrations.AddIndex(
            model_name="article",
            index=articles.search.PostgreSQLGinIndex(
                fields=["search_vector"], name="article_search_vector"
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=articles.search.PostgreSQLGinIndex(
                django.contrib.postgres.indexes.OpClass("title", name="gin_trgm_ops"),
                name="article_title_trigrams",
            ),
        ),
        migrations.CreateModel(
            name="ArticleSearchEntry",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        db_column="rowid",
                        on_delete=models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="search_entry",
                        serialize=False,
                        to="articles.article",
                    ),
                ),
                (
                    "document",
                    articles.search.FullTextField(db_column="article_search"),
                ),
            ],
            options={"db_table": "article_search", "managed": False},
        ),
        migrations.RunPython(create_sqlite_index, drop_sqlite_index, elidable=False),
    ]
