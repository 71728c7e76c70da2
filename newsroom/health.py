"""
`/healthz` for load balancers and monitors: 200 when the database, the cache and the task queue
are fine, 503 otherwise, with a small JSON body saying which check failed.

Answered by a middleware at the top of the stack, before any other: a probe gets no HTTPS
redirect and no ALLOWED_HOSTS refusal (balancers probe by IP address), and the answer never
reaches the page cache. Nothing in it depends on the request, so the Host header cannot poison it.
"""

import json
import logging
import time
from datetime import UTC, timedelta
from uuid import uuid4

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.tasks import task_backends
from django.utils import timezone

logger = logging.getLogger(__name__)

PATH = "/healthz"


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    key, value = "healthz", uuid4().hex
    cache.set(key, value, 30)
    if cache.get(key) != value:
        raise RuntimeError("the cache does not keep what is stored in it")


def oldest_waiting_task():
    """When the oldest task that could run now was ready; None when none waits (or unknown)."""
    backend = type(task_backends["default"]).__name__
    if backend == "DatabaseBackend":
        from django_tasks_db.models import DBTaskResult, get_date_max

        ready = DBTaskResult.objects.ready()
        times = [
            ready.filter(run_after=get_date_max())
            .order_by("enqueued_at")
            .values_list("enqueued_at", flat=True)
            .first(),
            ready.exclude(run_after=get_date_max())
            .order_by("run_after")
            .values_list("run_after", flat=True)
            .first(),
        ]
        return min((t for t in times if t is not None), default=None)
    if backend == "RQBackend":
        import django_rq

        times = []
        for name in settings.TASKS["default"]["QUEUES"]:
            queue = django_rq.get_queue(name)
            job_ids = queue.get_job_ids(0, 1)
            if job_ids and (job := queue.fetch_job(job_ids[0])) and job.enqueued_at:
                enqueued_at = job.enqueued_at
                times.append(enqueued_at if enqueued_at.tzinfo else enqueued_at.replace(tzinfo=UTC))
        return min(times, default=None)
    return None


def check_tasks():
    oldest = oldest_waiting_task()
    limit = timedelta(seconds=settings.HEALTHZ_MAX_TASK_AGE)
    if oldest is not None and timezone.now() - oldest > limit:
        raise RuntimeError(f"a task has waited since {oldest.isoformat()}: is a worker running?")


CHECKS = {"database": check_database, "cache": check_cache, "tasks": check_tasks}


def health():
    """The status of each check: "ok" or "error" (the details go to the log, not the public)."""
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:
            logger.warning("Health check %s failed: %s", name, error)
            results[name] = "error"
        else:
            results[name] = "ok"
    return results


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != PATH:
            return self.get_response(request)
        start = time.perf_counter()
        checks = health()
        healthy = all(result == "ok" for result in checks.values())
        body = {
            "status": "ok" if healthy else "error",
            "checks": checks,
            "ms": round((time.perf_counter() - start) * 1000, 1),
        }
        response = HttpResponse(
            json.dumps(body), content_type="application/json", status=200 if healthy else 503
        )
        response.headers["Cache-Control"] = "no-store"
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response
