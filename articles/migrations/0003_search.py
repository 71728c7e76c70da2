"""
A GIN index on the weighted search document, on PostgreSQL only (SQLite searches by substring).

It is not declared in Article.Meta so that the project keeps migrating on SQLite; the expression
must stay the one `articles.models.search_vector()` builds, or PostgreSQL will not use it.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX_NAME = "article_search"


def search_index():
    return GinIndex(
        SearchVector("title", weight="A", config="english")
        + SearchVector("standfirst", weight="B", config="english")
        + SearchVector("body", weight="C", config="english"),
        name=INDEX_NAME,
    )


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("articles", "Article"), search_index())


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("articles", "Article"), search_index())


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(add_index, remove_index, elidable=False)]
