"""
Adds the demo newsletter (one edition marked as sent to nobody, one draft) once the demo stories
exist, so that the newsletter pages show something on first run. Idempotent; emails nobody.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.demo.loader import ContentError
from newsletter.demo import demo_editions_load


class Command(BaseCommand):
    help = "Load the demo editions from articles/demo/content/editions.toml."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Report, then roll back.")

    def handle(self, *args, dry_run=False, **options):
        try:
            with transaction.atomic():
                editions = demo_editions_load()
                if dry_run:
                    transaction.set_rollback(True)
        except ContentError as error:
            raise CommandError(error) from None
        done = "would be loaded (dry run)" if dry_run else "loaded"
        self.stdout.write(self.style.SUCCESS(f"{len(editions)} demo editions {done}."))
