"""
Restores a folder written by `manage.py backup` into a fresh data folder (and, for a PostgreSQL
backup, an empty database): then serve it with NEWSROOM_DATA_DIR (and DATABASE_URL) pointing
there. It never writes over a data folder in use.
"""

from django.core.management.base import BaseCommand

from newsroom.backups import backup_restore


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("source", help="A folder written by `manage.py backup`.")
        parser.add_argument("--data-dir", required=True, help="A new or empty data folder.")
        parser.add_argument(
            "--database-url", help="An empty PostgreSQL database, for a PostgreSQL backup."
        )

    def handle(self, *args, source, data_dir, database_url, **options):
        manifest = backup_restore(source=source, data_dir=data_dir, database_url=database_url)
        target = f"NEWSROOM_DATA_DIR={data_dir}"
        if manifest["database"] == "postgresql":
            target += f" DATABASE_URL={database_url}"
        self.stdout.write(self.style.SUCCESS(f"Restored the backup of {manifest['created_at']}."))
        self.stdout.write(f"Serve it with {target}.")
        if manifest["env"]:
            self.stdout.write(f"The backed-up .env is in {data_dir}/env: put it beside manage.py.")
