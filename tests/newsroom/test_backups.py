"""
`manage.py backup` while the site sends an edition, then `manage.py restore` into a fresh data
folder that serves the same stories, subscribers and images. Every step runs in its own process
against a real database file (or PostgreSQL database), as in production.
"""

import json
import os
import subprocess
import sys
import time
import uuid

import psycopg
import pytest

from tests.newsroom.slow_mail import GATE, written
from tests.newsroom.test_settings import ROOT

SETUP = """
import io, json
from PIL import Image
from django.core.files.base import ContentFile
from articles.models import Image as LibraryImage
from tests.factories import ArticleFactory
from tests.newsletter.factories import EditionFactory, SubscriberFactory
buffer = io.BytesIO()
Image.new("RGB", (1200, 800), (200, 120, 40)).save(buffer, "JPEG")
hero = LibraryImage(alt_text="A reef")
hero.file.save("reef.jpg", ContentFile(buffer.getvalue()))
lead = ArticleFactory(title="Coral reefs recover faster than feared", hero=hero)
other = ArticleFactory(title="A gentler treatment for childhood asthma")
SubscriberFactory.create_batch(40)
edition = EditionFactory(stories=[lead, other])
print(json.dumps({"edition": edition.pk}))
"""

STATE = """
import hashlib, json
from django.conf import settings
from django.test import Client
from articles.models import Article
from newsletter.models import Delivery, Subscriber
client = Client()
lead = Article.objects.get(title__startswith="Coral")
page = client.get(lead.get_absolute_url())
image = lead.hero_picture.src
print(json.dumps({
    "stories": sorted(Article.objects.published().values_list("title", flat=True)),
    "subscribers": Subscriber.objects.count(),
    "page": [page.status_code, lead.title in page.content.decode(), image in page.content.decode()],
    "image": client.get(image).status_code,
    "sent": Delivery.objects.filter(status="sent").count(),
    "deliveries": Delivery.objects.count(),
    "key": hashlib.sha256(settings.SECRET_KEY.encode()).hexdigest(),
}))
"""


def site(data_dir, **extra):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE", "REDIS", "TASKS", "EMAIL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tests.newsroom.production_settings",
        NEWSROOM_DATA_DIR=str(data_dir),
        DJANGO_ALLOWED_HOSTS="testserver",
        **extra,
    )

    def manage(*args, background=False):
        command = [sys.executable, "manage.py", *args]
        if background:
            with open(data_dir / "worker.log", "w") as log:  # the child keeps its own copy
                return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        return result.stdout

    return manage


@pytest.fixture(params=["sqlite", "postgresql"])
def databases(request):
    """The database URL of the live site and of the one restored ("" for SQLite files)."""
    if request.param == "sqlite":
        yield "", ""
        return
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip("PostgreSQL backups are tested when the suite runs on PostgreSQL")
    names = [f"newsroom_backup_{uuid.uuid4().hex[:8]}" for _ in range(2)]
    with psycopg.connect(url, autocommit=True) as connection:
        for name in names:
            connection.execute(f"CREATE DATABASE {name}")
    base = url.rsplit("/", 1)[0]
    yield tuple(f"{base}/{name}" for name in names)
    with psycopg.connect(url, autocommit=True) as connection:
        for name in names:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_backup_during_a_send_restores_into_a_fresh_folder(tmp_path, databases):
    live_url, restored_url = databases
    live_env = {"DJANGO_SECRET_KEY": "the-live-site-key"}
    if live_url:
        live_env["DATABASE_URL"] = live_url
    live = site(tmp_path / "live", **live_env)
    live("migrate", "--no-input")
    edition = json.loads(live("shell", "--no-imports", "-c", SETUP))["edition"]
    live("send_edition", str(edition))

    worker = live("db_worker", "--batch", "--queue-name", "*", background=True)
    mail = tmp_path / "live" / "mail"
    deadline = time.monotonic() + 60
    while not (mail.is_dir() and written(mail)):
        assert time.monotonic() < deadline and worker.poll() is None, "the send did not start"
        time.sleep(0.05)
    live("backup", str(tmp_path / "backup"))
    assert worker.poll() is None, "the send finished before the backup: it proves nothing"
    (tmp_path / "live" / GATE).touch()  # The held send goes on.
    assert worker.wait(timeout=60) == 0, (tmp_path / "live" / "worker.log").read_text()
    before = json.loads(live("shell", "--no-imports", "-c", STATE))
    assert before["sent"] == 40

    restore_args = ["--database-url", restored_url] if restored_url else []
    live("restore", str(tmp_path / "backup"), "--data-dir", str(tmp_path / "new"), *restore_args)
    restored = site(tmp_path / "new", **({"DATABASE_URL": restored_url} if restored_url else {}))
    after = json.loads(restored("shell", "--no-imports", "-c", STATE))

    assert after["stories"] == before["stories"]
    assert after["subscribers"] == 40
    assert after["page"] == [200, True, True]
    assert after["image"] == 200
    assert after["key"] == before["key"]  # signed links in sent emails still work
    # A snapshot from the middle of the send: some sent, every delivery row there.
    assert 0 < after["sent"] < 40
    assert after["deliveries"] == 40


def test_restore_refuses_a_folder_in_use(tmp_path):
    live = site(tmp_path / "live", DJANGO_SECRET_KEY="k")
    live("migrate", "--no-input")
    live("backup", str(tmp_path / "backup"))
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "restore",
            str(tmp_path / "backup"),
            "--data-dir",
            str(tmp_path / "live"),
        ],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SECRET_KEY": "k", "NEWSROOM_DATA_DIR": str(tmp_path / "x")},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "is not empty" in result.stderr
    again = subprocess.run(
        [sys.executable, "manage.py", "backup", str(tmp_path / "backup")],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SECRET_KEY": "k", "NEWSROOM_DATA_DIR": str(tmp_path / "live")},
        capture_output=True,
        text=True,
    )
    assert "exists" in again.stderr
