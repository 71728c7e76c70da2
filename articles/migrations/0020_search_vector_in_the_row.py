"""
PostgreSQL keeps each story's search vector in its row, where search reads it for every
candidate, instead of out of line in the TOAST table (see articles.search).
"""

from django.db import migrations

import articles.search


def vector_in_the_row(apps, schema_editor):
    articles.search.postgresql_vector_storage(schema_editor, "MAIN")


def vector_out_of_line(apps, schema_editor):
    articles.search.postgresql_vector_storage(schema_editor, "EXTENDED")


class Migration(migrations.Migration):
    dependencies = [("articles", "0019_merge_20261201_1148")]

    operations = [migrations.RunPython(vector_in_the_row, vector_out_of_line, elidable=False)]
