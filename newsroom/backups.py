"""
Backups of the whole site while it serves: the database, uploaded media, the secret key and the
.env file, in one folder. `manage.py backup DEST` writes one and `manage.py restore SRC
--data-dir NEW` lays it into a fresh data folder.

The database is copied first, as one consistent snapshot (SQLite's online backup API, or
pg_dump's single transaction), then the media: a file uploaded in between is extra, never
missing, since stories only ever point at files saved before them.
"""

import json
import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.pgdump"
MANIFEST = "manifest.json"


def _postgres_env(database):
    """libpq's environment for a Django PostgreSQL database (no password on the command line)."""
    env = {**os.environ}
    for key, variable in [
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ]:
        if database.get(key):
            env[variable] = str(database[key])
    return env


def _run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode:
        raise CommandError(f"{command[0]} failed: {result.stderr.strip()}")


def sqlite_copy(source, target):
    """A consistent copy of a live SQLite database, taken while others write (WAL mode)."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def backup_database(folder):
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        sqlite_copy(database["NAME"], folder / SQLITE_FILE)
        return "sqlite"
    if connection.vendor == "postgresql":
        command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges"]
        _run(
            [*command, f"--file={folder / POSTGRES_FILE}", database["NAME"]],
            _postgres_env(database),
        )
        return "postgresql"
    raise CommandError(f"Backups of {connection.vendor} databases are not supported.")


def backup_create(*, destination):
    destination = Path(destination)
    if destination.exists():
        raise CommandError(f"{destination} exists: give a new folder for each backup.")
    partial = destination.with_name(destination.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    engine = backup_database(partial)
    media = Path(settings.MEDIA_ROOT)
    media_copied = settings.MEDIA_STORAGE == "filesystem" and media.is_dir()
    if media_copied:
        shutil.copytree(media, partial / "media")
    (partial / "secret_key").write_text(settings.SECRET_KEY + "\n")
    (partial / "secret_key").chmod(0o600)
    env_file = Path(settings.BASE_DIR) / ".env"
    if env_file.exists():
        shutil.copy2(env_file, partial / "env")
        (partial / "env").chmod(0o600)
    manifest = {
        "created_at": timezone.now().isoformat(),
        "database": engine,
        "media": "copied" if media_copied else f"not copied ({settings.MEDIA_STORAGE} storage)",
        "env": env_file.exists(),
    }
    (partial / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    partial.chmod(0o700)
    partial.rename(destination)  # a backup folder is complete, or absent
    return manifest


def backup_restore(*, source, data_dir, database_url=None):
    source, data_dir = Path(source), Path(data_dir)
    manifest = json.loads((source / MANIFEST).read_text())
    if data_dir.exists() and any(data_dir.iterdir()):
        raise CommandError(f"{data_dir} is not empty: restore into a fresh data folder.")
    if manifest["database"] == "postgresql" and not database_url:
        raise CommandError("A PostgreSQL backup needs --database-url of an empty database.")
    data_dir.mkdir(parents=True, exist_ok=True)
    if manifest["database"] == "sqlite":
        sqlite_copy(source / SQLITE_FILE, data_dir / "newsroom.sqlite3")
    else:
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                f"--dbname={database_url}",
                str(source / POSTGRES_FILE),
            ],
            os.environ,
        )
    if (source / "media").is_dir():
        shutil.copytree(source / "media", data_dir / "media")
    shutil.copy2(source / "secret_key", data_dir / "secret_key")
    if (source / "env").exists():
        shutil.copy2(source / "env", data_dir / "env")
    return manifest
