"""
(Re)builds the responsive renditions (and focal crops) of library images and author photos.

Renditions are made when an image is saved; this catches up images that predate them, or whose
rendition files went missing (a restored database, a wiped media folder). Idempotent: an image
whose renditions are all present is left alone unless --force is given.
"""

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand

from articles.models import PHOTO_WIDTHS, Author, Image
from articles.renditions import (
    FORMATS,
    WIDTHS,
    record_sizes,
    renditions_are_current,
    renditions_refresh,
)

# (model, image field, record field, widths, whether it has focal crops)
TARGETS = [
    (Image, "file", "renditions", WIDTHS, True),
    (Author, "photo", "photo_renditions", PHOTO_WIDTHS, False),
]


def is_complete(image, record, focal):
    return renditions_are_current(image=image, record=record, focal=focal) and all(
        default_storage.exists(size[kind]) for size in record_sizes(record) for kind in FORMATS
    )


class Command(BaseCommand):
    help = "Make missing image renditions (or all of them with --force)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Rebuild every rendition.")
        parser.add_argument("--dry-run", action="store_true", help="Only report what is missing.")

    def handle(self, *args, force=False, dry_run=False, **options):
        for model, field, record_field, widths, cropped in TARGETS:
            todo = [
                instance
                for instance in model.objects.exclude(**{field: ""}).order_by("pk").iterator()
                if force
                or not is_complete(
                    getattr(instance, field),
                    getattr(instance, record_field),
                    instance.focal if cropped else None,
                )
            ]
            label = model._meta.verbose_name_plural
            if dry_run:
                self.stdout.write(f"{len(todo)} {label} need renditions (dry run: none made).")
                continue
            for instance in todo:
                renditions_refresh(
                    instance=instance,
                    field=field,
                    record_field=record_field,
                    widths=widths,
                    force=True,
                    focal=instance.focal if cropped else None,
                )
            self.stdout.write(self.style.SUCCESS(f"Made renditions for {len(todo)} {label}."))
