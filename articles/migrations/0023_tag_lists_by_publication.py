"""Each tagging keeps a copy of its story's publication time, for tag lists (articles.tag_dates)."""

from django.db import migrations, models

import articles.tag_dates


def create(apps, schema_editor):
    articles.tag_dates.tag_dates_create(schema_editor)


def drop(apps, schema_editor):
    articles.tag_dates.tag_dates_drop(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0022_merge_20261201_1413"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.AddField(
            model_name="taggedarticle",
            name="published_at",
            field=models.DateTimeField(
                editable=False,
                help_text="The story's publication time, copied by the database (see articles.tag_dates).",
                null=True,
            ),
        ),
        migrations.AddIndex(
            model_name="taggedarticle",
            index=models.Index(
                fields=["tag", "-published_at", "-content_object"],
                name="taggedarticle_tag_published",
            ),
        ),
        migrations.RunPython(create, drop, elidable=False),
        migrations.RunSQL("ANALYZE articles_taggedarticle", reverse_sql=migrations.RunSQL.noop),
    ]
