"""
PostgreSQL plans the story triggers' update of a story's taggings on each call, rather than once
a connection while the table may still be small (articles.tag_dates).
"""

from django.db import migrations

import articles.tag_dates


def plan_per_story(apps, schema_editor):
    articles.tag_dates.tag_dates_planned_per_story(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("articles", "0026_story_panels_tag_range")]

    operations = [migrations.RunPython(plan_per_story, migrations.RunPython.noop, elidable=False)]
