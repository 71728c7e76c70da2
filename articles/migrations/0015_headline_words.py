"""
The words of headlines, for "did you mean" on PostgreSQL: trigram matching against a few
thousand words instead of 100,000 headlines. A trigger keeps the list (see articles.search).
"""

import django.contrib.postgres.indexes
from django.db import migrations, models

import articles.search


def create_words(apps, schema_editor):
    articles.search.postgresql_words_create(schema_editor)


def drop_words(apps, schema_editor):
    articles.search.postgresql_words_drop(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("articles", "0014_merge_20261201_1044")]

    operations = [
        migrations.CreateModel(
            name="HeadlineWord",
            fields=[
                ("word", models.CharField(max_length=100, primary_key=True, serialize=False)),
            ],
            options={
                "indexes": [
                    articles.search.PostgreSQLGistIndex(
                        django.contrib.postgres.indexes.OpClass("word", name="gist_trgm_ops"),
                        name="headline_word_trigrams",
                    )
                ],
            },
        ),
        migrations.RunPython(create_words, drop_words, elidable=False),
    ]
