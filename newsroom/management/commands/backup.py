"""
Backs up the whole site while it serves, into a new folder: the database (SQLite's online backup
API, or pg_dump), uploaded media, the secret key and the .env file. `manage.py restore` lays it
into a fresh data folder. Run it from cron and copy the folder off the machine.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from newsroom.backups import backup_create


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("destination", help="A folder to create; it must not exist.")
        parser.add_argument("--dry-run", action="store_true", help="Say what would be copied.")

    def handle(self, *args, destination, dry_run, **options):
        if dry_run:
            database = settings.DATABASES["default"]
            self.stdout.write(
                f"Would back up the {database['ENGINE'].rsplit('.', 1)[-1]} database "
                f"{database['NAME']}, {settings.MEDIA_STORAGE} media, the secret key and .env "
                f"into {destination}."
            )
            return
        manifest = backup_create(destination=destination)
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up the {manifest['database']} database and media "
                f"({manifest['media']}) into {destination}."
            )
        )
