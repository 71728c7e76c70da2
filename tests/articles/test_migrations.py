"""Migration 0015 moves each story's hero image into the image library, and back."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("articles", "0014_merge_20261201_1044")]
AFTER = [("articles", "0015_image_library")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_hero_images_become_library_images():
    apps = migrate(BEFORE)
    category = apps.get_model("articles", "Category").objects.create(name="Health", slug="h")
    Article = apps.get_model("articles", "Article")
    record = {"source": "articles/2026/03/cells.jpg", "width": 1600, "height": 900, "sizes": []}
    common = {"category": category, "standfirst": "S", "published_at": timezone.now()}
    with_hero = Article.objects.create(
        title="With", slug="with", hero_image="articles/2026/03/cells.jpg",
        hero_image_alt="Cells", hero_image_caption="T cells.", hero_image_credit="Photo: Lab",
        hero_renditions=record, **common,
    )  # fmt: skip
    Article.objects.create(title="Without", slug="without", **common)
    try:
        apps = migrate(AFTER)
        Article = apps.get_model("articles", "Article")
        image = Article.objects.get(pk=with_hero.pk).hero
        assert image.file.name == "articles/2026/03/cells.jpg"
        assert (image.alt_text, image.caption, image.credit) == ("Cells", "T cells.", "Photo: Lab")
        assert image.renditions == record and (image.focal_x, image.focal_y) == (0.5, 0.5)
        assert Article.objects.get(slug="without").hero is None
        assert apps.get_model("articles", "Image").objects.count() == 1

        apps = migrate(BEFORE)
        back = apps.get_model("articles", "Article").objects.get(pk=with_hero.pk)
        assert (back.hero_image.name, back.hero_image_credit) == (image.file.name, "Photo: Lab")
    finally:
        call_command("migrate", verbosity=0)
