"""The digests' clock: a task on the database queue that composes what is due and requeues."""

import io
from datetime import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from newsletter.models import Edition, Subscriber
from tests.factories import ArticleFactory
from tests.newsletter.factories import SubscriberFactory

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}
}


@pytest.fixture(autouse=True)
def _clock(settings):
    settings.TASKS = DATABASE_QUEUE
    settings.NEWSLETTER_DAILY_DIGEST_HOUR = 7
    settings.NEWSLETTER_WEEKLY_DIGEST_WEEKDAY = 0  # Monday


def at(text):
    return timezone.make_aware(datetime.fromisoformat(text))


def ticks():
    return DBTaskResult.objects.filter(task_path="newsletter.editions.digests_tick")


def queued_tick_times():
    ready = ticks().filter(status=TaskResultStatus.READY).order_by("run_after")
    return [timezone.localtime(moment) for moment in ready.values_list("run_after", flat=True)]


@pytest.fixture
def run_worker(committed, monkeypatch):
    """`db_worker` runs the tasks that are due, and those they queue, until none is."""
    # It closes the connection between tasks, which would end the test's transaction.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run():
        while DBTaskResult.objects.ready().exists():
            with committed():
                call_command(
                    "db_worker", "--batch", "--queue-name", "*", "--no-startup-delay", verbosity=0
                )

    return run


def schedule():
    call_command("schedule_digests", stdout=(out := io.StringIO()))
    return out.getvalue()


def test_schedule_digests_queues_the_clock_once_for_the_next_due_time():
    with time_machine.travel(at("2026-06-03 09:15"), tick=False):
        assert "2026-06-04 07:00" in schedule()
        assert "2026-06-04 07:00" in schedule()  # make run again: nothing more queued
    assert queued_tick_times() == [at("2026-06-04 07:00")]
    with time_machine.travel(at("2026-06-04 06:59"), tick=False):
        assert "2026-06-04 07:00" in schedule()


def test_the_clock_composes_the_daily_digest_unattended_and_requeues_itself(mailoutbox, run_worker):
    SubscriberFactory(email="daily@example.com")
    SubscriberFactory(email="weekly@example.com", frequency=Subscriber.Frequency.WEEKLY)
    with time_machine.travel(at("2026-06-03 09:15"), tick=False):  # a Wednesday
        schedule()
        ArticleFactory(published_at=timezone.now())
        run_worker()  # not due yet
    assert not Edition.objects.exists()
    with time_machine.travel(at("2026-06-04 07:00:01"), tick=False):
        run_worker()
    (edition,) = Edition.objects.all()
    assert edition.kind == Edition.Kind.DAILY and edition.status == Edition.Status.SENT
    assert [message.to for message in mailoutbox] == [["daily@example.com"]]
    assert queued_tick_times() == [at("2026-06-05 07:00")]


def test_on_its_weekday_the_clock_composes_the_weekly_digest_too(run_worker):
    with time_machine.travel(at("2026-06-07 12:00"), tick=False):  # a Sunday
        schedule()
        ArticleFactory(published_at=timezone.now())
    with time_machine.travel(at("2026-06-08 07:00:01"), tick=False):
        run_worker()
    assert set(Edition.objects.values_list("kind", flat=True)) == {"daily", "weekly"}
    assert queued_tick_times() == [at("2026-06-09 07:00")]


def test_a_doubled_clock_and_cron_beside_it_compose_each_digest_once(
    mailoutbox, run_worker, committed
):
    SubscriberFactory()
    with time_machine.travel(at("2026-06-03 09:15"), tick=False):
        ArticleFactory(published_at=timezone.now())
        from newsletter.editions import digests_tick

        for _ in range(2):  # two chains, say after a restore from backup
            digests_tick.using(run_after=at("2026-06-04 07:00")).enqueue()
    with time_machine.travel(at("2026-06-04 07:00:01"), tick=False):
        with committed():
            call_command("compose_digest", stdout=io.StringIO())
        run_worker()
    assert Edition.objects.count() == 1
    assert len(mailoutbox) == 1
    # The chains merged into one: only one tick waits for tomorrow.
    assert queued_tick_times() == [at("2026-06-05 07:00")]


def test_a_worker_down_at_the_digest_hour_composes_when_it_is_back(run_worker):
    with time_machine.travel(at("2026-06-03 09:15"), tick=False):
        schedule()
    with time_machine.travel(at("2026-06-04 06:00"), tick=False):
        ArticleFactory(published_at=timezone.now())
    with time_machine.travel(at("2026-06-04 15:30"), tick=False):
        run_worker()
    assert Edition.objects.get().due_at == at("2026-06-04 07:00")
    assert queued_tick_times() == [at("2026-06-05 07:00")]


def test_without_a_backend_that_can_wait_schedule_digests_points_to_cron(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    call_command("schedule_digests", stdout=io.StringIO(), stderr=(err := io.StringIO()))
    assert "use cron" in err.getvalue()
    assert not Edition.objects.exists()
