"""
An edition sent through a real RQ worker on Redis (TASKS_BACKEND=rq), end to end: the commands
and the worker run as separate processes against one data folder, as in production.
"""

import json
import os
import subprocess
import sys
from datetime import timedelta

import pytest
import redis
from django.utils import timezone

from newsroom import health
from tests.newsroom.test_settings import ROOT

REDIS_URL = os.environ.get("TEST_RQ_URL", "redis://127.0.0.1:6379/9")

SETUP = """
from tests.factories import ArticleFactory
from tests.newsletter.factories import EditionFactory, SubscriberFactory
SubscriberFactory.create_batch(3)
edition = EditionFactory(stories=ArticleFactory.create_batch(2))
print(edition.pk)
"""

OUTCOME = """
import json
from newsletter.models import Delivery, Edition
edition = Edition.objects.get()
print(json.dumps({
    "status": edition.status,
    "sent": Delivery.objects.filter(status=Delivery.Status.SENT).count(),
}))
"""


@pytest.fixture
def rq_redis():
    connection = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        connection.ping()
    except redis.ConnectionError:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"No Redis at {REDIS_URL}")
    connection.flushdb()
    yield connection
    connection.flushdb()


@pytest.fixture
def production(tmp_path):
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE", "REDIS", "TASKS", "EMAIL"))
    }
    env = {
        **clean,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DJANGO_SECRET_KEY": "rq-test",
        "NEWSROOM_DATA_DIR": str(tmp_path),
        "EMAIL_URL": f"file://{tmp_path / 'mail'}",
        "TASKS_BACKEND": "rq",
        "TASKS_URL": REDIS_URL,
    }

    def manage(*args, timeout=120):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    manage("migrate", "--no-input")
    return manage


def test_an_edition_is_sent_by_a_real_rq_worker(rq_redis, production, tmp_path):
    edition_id = production("shell", "--no-imports", "-c", SETUP).strip()
    assert "Queued" in production("send_edition", edition_id)
    assert rq_redis.llen("rq:queue:email") == 1  # on Redis, waiting for a worker

    production("rqworker", "email", "default", "--burst", "--job-class", "django_tasks_rq.Job")

    outcome = json.loads(production("shell", "--no-imports", "-c", OUTCOME))
    assert outcome == {"status": "sent", "sent": 3}
    mail = "".join(path.read_text() for path in (tmp_path / "mail").iterdir())
    assert mail.count("\nTo: reader") == 3
    assert rq_redis.llen("rq:queue:email") == 0


def test_health_check_sees_a_job_waiting_on_redis(rq_redis, settings, client, db):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default", "email"]}
    }
    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL}, "email": {"URL": REDIS_URL}}
    settings.HEALTHZ_MAX_TASK_AGE = 600
    from newsletter.subscribers import send_link

    send_link.enqueue("reader@example.org")
    oldest = health.oldest_waiting_task()
    assert timezone.now() - oldest < timedelta(minutes=1)
    assert client.get("/healthz").status_code == 200

    settings.HEALTHZ_MAX_TASK_AGE = 0
    assert client.get("/healthz").status_code == 503
