from datetime import timedelta

import pytest
from django.db import OperationalError, connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from newsletter.subscribers import send_link

pytestmark = pytest.mark.django_db

UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "newsroom.redis_cache.ForgivingRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
}


def test_healthy_site_answers_200_never_cached(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "cache": "ok", "tasks": "ok"}
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Type"] == "application/json"


def test_probe_gets_no_https_redirect_and_any_host_is_answered(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["news.example.org"]
    response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200
    assert client.get("/", HTTP_HOST="news.example.org").status_code == 301
    assert client.get("/", HTTP_HOST="10.0.0.7:8000").status_code == 400


def test_never_stored_in_the_page_cache(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    client.get("/healthz")
    response = client.get("/healthz")
    assert "X-Cache" not in response
    assert response["Cache-Control"] == "no-store"


def test_database_down_is_503(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert response.json()["checks"]["database"] == "error"
    assert "refused" not in response.content.decode()  # details go to the log only


def test_cache_down_is_503(client, settings):
    settings.CACHES = UNREACHABLE_REDIS
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "error", "tasks": "ok"}


def test_task_waiting_too_long_is_503(client, settings, django_capture_on_commit_callbacks):
    settings.HEALTHZ_MAX_TASK_AGE = 600
    with django_capture_on_commit_callbacks(execute=True):
        send_link.enqueue("reader@example.org")
    assert DBTaskResult.objects.count() == 1
    assert client.get("/healthz").status_code == 200  # just queued

    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=11))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["tasks"] == "error"


def test_task_deferred_to_later_is_not_late(client, settings, django_capture_on_commit_callbacks):
    settings.HEALTHZ_MAX_TASK_AGE = 600
    later = send_link.using(run_after=timezone.now() + timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        later.enqueue("reader@example.org")
    assert DBTaskResult.objects.count() == 1
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(hours=2))
    assert client.get("/healthz").status_code == 200
