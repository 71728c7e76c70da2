"""
A story's insert fills its taggings' copies of its publication time, for a tagging inserted
before its story (articles.tag_dates). Reversing 0023 removes the trigger with the others.
"""

from django.db import migrations

import articles.tag_dates


def create(apps, schema_editor):
    articles.tag_dates.tag_dates_on_story_insert(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("articles", "0023_tag_lists_by_publication")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop, elidable=False)]
