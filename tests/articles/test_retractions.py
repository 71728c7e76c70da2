"""The retraction watch: the task flags, an editor confirms, the reader sees the correction."""

import io
import json
import os
import re
from datetime import date, datetime

import pytest
import time_machine
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from articles import retractions
from articles.dashboard import editorial_dashboard
from articles.models import RetractionWatchRun, Study, StudyNotice
from articles.prepublish import article_warnings
from articles.retractions import retraction_watch_tick
from tests.articles.roles import make_user
from tests.factories import ArticleFactory
from tests.scholarly_stub import CORRECTED_DOI, FOUND_DOI, MISSING_DOI, RETRACTED_DOI

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}
}
NOTICES = reverse("admin:articles_studynotice_changelist")


def at(text):
    return timezone.make_aware(datetime.fromisoformat(text))


@pytest.fixture
def cited(health):
    """Three published stories citing a retracted, a corrected and a sound study."""
    stories = {}
    for doi in (RETRACTED_DOI, CORRECTED_DOI, FOUND_DOI, MISSING_DOI):
        story = ArticleFactory(category=health, title=f"Story on {doi}")
        Study.objects.create(article=story, doi=doi, journal="Cell", design="animal_study")
        stories[doi] = story
    return stories


@pytest.fixture
def run_worker(django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run():
        while DBTaskResult.objects.ready().exists():
            with django_capture_on_commit_callbacks(execute=True):
                call_command(
                    "db_worker", "--batch", "--queue-name", "*", "--no-startup-delay", verbosity=0
                )

    return run


def page_text(client, story):
    html = client.get(story.get_absolute_url()).content.decode()
    return html, " ".join(re.sub(r"<[^>]+>", " ", html).split())


def confirm(client, notice):
    return client.post(
        NOTICES, {"action": "confirm_selected", "_selected_action": [notice.pk]}, follow=True
    )


def test_the_watch_runs_daily_on_the_queue_and_flags_what_crossref_reports(
    settings, scholarly_stub, cited, run_worker
):
    settings.TASKS = DATABASE_QUEUE
    with time_machine.travel(at("2026-06-03 09:15"), tick=False):
        call_command("schedule_retraction_watch", stdout=(out := io.StringIO()))
        call_command("schedule_retraction_watch", stdout=io.StringIO())  # queued once only
        assert "2026-06-04 05:00" in out.getvalue()
        run_worker()  # not due yet
    assert not StudyNotice.objects.exists()
    with time_machine.travel(at("2026-06-04 05:00:01"), tick=False):
        run_worker()
    notices = StudyNotice.objects.order_by("kind")
    assert [(n.study.doi, n.kind, n.notice_date, n.status) for n in notices] == [
        (CORRECTED_DOI, "correction", date(2026, 4, 1), "pending"),
        (RETRACTED_DOI, "retraction", date(2026, 5, 2), "pending"),  # reported twice, kept once
    ]
    ready = DBTaskResult.objects.filter(
        task_path="articles.retractions.retraction_watch_tick", status=TaskResultStatus.READY
    )
    assert [timezone.localtime(r.run_after) for r in ready] == [at("2026-06-05 05:00")]


def test_a_second_check_adds_nothing_new(scholarly_stub, cited):
    call_command("schedule_retraction_watch", now=True, stdout=(out := io.StringIO()))
    assert out.getvalue() == "2 new notice(s) for the editors to check.\n"
    call_command("schedule_retraction_watch", now=True, stdout=(out := io.StringIO()))
    assert out.getvalue() == "0 new notice(s) for the editors to check.\n"


def test_nothing_reaches_readers_until_an_editor_confirms(client, scholarly_stub, cited):
    call_command("schedule_retraction_watch", now=True, stdout=io.StringIO())
    story = cited[RETRACTED_DOI]
    html, text = page_text(client, story)
    assert "retracted" not in text.lower()


def dashboard(user):
    return {panel.title: panel.stories for panel in editorial_dashboard(user)}


def test_flagged_stories_show_on_the_dashboard_and_in_the_story_list(client, scholarly_stub, cited):
    call_command("schedule_retraction_watch", now=True, stdout=io.StringIO())
    editor = make_user("editor")
    panels = dashboard(editor)
    assert {story.title for story in panels["Study notices to check"]} == {
        f"Story on {RETRACTED_DOI}",
        f"Story on {CORRECTED_DOI}",
    }
    client.force_login(editor)
    changelist = reverse("admin:articles_article_changelist")
    flagged = client.get(changelist, {"study_notice": "pending"}).context["cl"].result_list
    assert set(flagged) == set(panels["Study notices to check"])
    assert "⚠ 1 to check" in client.get(changelist).content.decode()


def test_the_story_form_warns_of_a_pending_notice(scholarly_stub, cited):
    call_command("schedule_retraction_watch", now=True, stdout=io.StringIO())
    assert article_warnings(cited[RETRACTED_DOI])[-1] == (
        "Crossref reports a retraction of “The study in Cell”: check it, then confirm it "
        "(readers see a correction) or dismiss it under Study notices."
    )
    assert not any("Crossref reports" in w for w in article_warnings(cited[FOUND_DOI]))


def test_without_notices_the_dashboard_has_no_notice_panel(cited):
    assert "Study notices to check" not in dashboard(make_user("editor"))


def test_an_editor_confirms_and_the_reader_sees_a_dated_correction(client, scholarly_stub, cited):
    call_command("schedule_retraction_watch", now=True, stdout=io.StringIO())
    notice = StudyNotice.objects.get(kind="retraction")
    editor = make_user("editor")
    client.force_login(editor)
    with time_machine.travel(at("2026-06-04 10:00"), tick=False):
        response = confirm(client, notice)
    assert "1 notice(s) confirmed" in response.content.decode()
    notice.refresh_from_db()
    assert (notice.status, notice.decided_by) == ("confirmed", editor)
    assert notice.correction.date == date(2026, 6, 4)
    assert notice.correction.text == (
        "The study this story reports was retracted on 2 May 2026. "
        "The notice: https://doi.org/10.1016/j.cell.2026.05.002"
    )
    client.logout()
    html, text = page_text(client, cited[RETRACTED_DOI])
    assert (
        "Correction, 4 June 2026 : The study this story reports was retracted on 2 May 2026."
    ) in text
    assert "Retracted : see the correction below." in text
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    (news,) = [n for n in json.loads(script)["@graph"] if n["@type"] == "ReportageNewsArticle"]
    assert news["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": notice.correction.text,
            "datePublished": "2026-06-04",
        }
    ]
    assert news["citation"][0]["creativeWorkStatus"] == "Retracted"
    still_to_check = dashboard(editor)["Study notices to check"]
    assert [story.title for story in still_to_check] == [f"Story on {CORRECTED_DOI}"]


def test_a_writer_cannot_confirm(client, scholarly_stub, cited):
    call_command("schedule_retraction_watch", now=True, stdout=io.StringIO())
    notice = StudyNotice.objects.get(kind="retraction")
    client.force_login(make_user("writer"))
    response = confirm(client, notice)
    assert response.status_code in {200, 403}
    notice.refresh_from_db()
    assert notice.status == "pending" and notice.correction is None


def test_a_dismissed_notice_never_reaches_readers(client, scholarly_stub, cited):
    call_command("schedule_retraction_watch", now=True, stdout=io.StringIO())
    notice = StudyNotice.objects.get(kind="correction")
    client.force_login(make_user("editor"))
    client.post(NOTICES, {"action": "dismiss_selected", "_selected_action": [notice.pk]})
    notice.refresh_from_db()
    assert notice.status == "dismissed"
    client.logout()
    assert "corrected" not in page_text(client, cited[CORRECTED_DOI])[1]


def rq_scheduled(queue_name="default"):
    import django_rq

    queue = django_rq.get_queue(queue_name)
    return queue, list(queue.scheduled_job_registry.get_job_ids())


@pytest.mark.parametrize("backend", ["dummy", "rq"])
def test_the_watch_is_queued_once_per_due_time_on_any_backend(settings, backend, request):
    """Not by asking the queue (only the database queue can be asked): by a row per due time."""
    if backend == "rq":
        request.getfixturevalue("redis_cache")  # skips without Redis
        url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
        settings.RQ_QUEUES = {"default": {"URL": url}}
        settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
        queue, before = rq_scheduled()
    else:
        settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    with time_machine.travel(at("2026-06-03 09:15"), tick=False):
        due = retractions.retraction_watch_schedule()
        assert retractions.retraction_watch_schedule() == due  # a second start
        call_command("schedule_retraction_watch", stdout=io.StringIO())  # and the command
    assert timezone.localtime(due) == at("2026-06-04 05:00")
    assert RetractionWatchRun.objects.get().due_at == due
    if backend == "rq":
        queue, after = rq_scheduled()
        (job_id,) = set(after) - set(before)
        try:
            assert queue.fetch_job(job_id).func_name.endswith("retraction_watch_tick")
        finally:
            queue.scheduled_job_registry.remove(job_id, delete_job=True)
    else:
        (result,) = retraction_watch_tick.get_backend().results
        assert result.task.module_path == "articles.retractions.retraction_watch_tick"
