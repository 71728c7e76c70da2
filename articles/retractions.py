"""
The retraction watch: Crossref is asked about every cited DOI; what it reports waits, as a
pending StudyNotice, for an editor to confirm (readers then see a dated correction) or dismiss.
Nothing reaches readers without an editor.
"""

import datetime
import logging
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from articles import scholarly
from articles.models import Correction, RetractionWatchRun, Study, StudyNotice
from articles.services import can_publish

logger = logging.getLogger(__name__)

WATCH_HOUR = 5  # local time: before the editors' morning


def notice_date(partial):
    """A partial ISO date ("2026-05", "2026") as the first day it may mean; None for ""."""
    if not partial:
        return None
    parts = [int(part) for part in partial.split("-")]
    return datetime.date(*parts, *[1] * (3 - len(parts)))


def studies_check_notices():
    """Ask Crossref about each cited DOI once; returns the notices new since the last check."""
    found = []
    dois = Study.objects.exclude(doi="").values_list("doi", flat=True).distinct()
    for doi in sorted(set(dois)):
        try:
            notices = scholarly.doi_notices(doi)
        except scholarly.MetadataError as error:
            logger.warning("Retraction watch: %s: %s", doi, error.message)
            continue
        for notice in notices:
            for study in Study.objects.filter(doi__iexact=doi):
                record, created = StudyNotice.objects.get_or_create(
                    study=study,
                    kind=notice.kind,
                    notice_doi=notice.notice_doi,
                    defaults={
                        "notice_date": notice_date(notice.date),
                        "reported_by": notice.source,
                    },
                )
                if created:
                    found.append(record)
    return found


@transaction.atomic
def notice_confirm(*, notice, user):
    """The editor's word that `notice` is real: readers see a dated correction on the story."""
    if not can_publish(user):
        raise PermissionDenied
    notice = StudyNotice.objects.select_for_update().select_related("study").get(pk=notice.pk)
    if notice.status == StudyNotice.Status.CONFIRMED:
        return notice
    notice.correction = Correction.objects.create(
        article_id=notice.study.article_id,
        kind=Correction.Kind.CORRECTION,
        date=timezone.localdate(),
        text=notice.reader_text,
    )
    notice.status, notice.decided_by, notice.decided_at = (
        StudyNotice.Status.CONFIRMED,
        user,
        timezone.now(),
    )
    notice.save()
    return notice


def notice_dismiss(*, notice, user):
    """Not about this study after all (or already handled): nothing reaches readers."""
    if not can_publish(user):
        raise PermissionDenied
    if notice.status == StudyNotice.Status.CONFIRMED:
        return notice
    notice.status, notice.decided_by, notice.decided_at = (
        StudyNotice.Status.DISMISSED,
        user,
        timezone.now(),
    )
    notice.save()
    return notice


def watch_due_at(*, now=None):
    """The next WATCH_HOUR o'clock, local time, after `now`."""
    now = timezone.localtime(now or timezone.now())
    due = now.replace(hour=WATCH_HOUR, minute=0, second=0, microsecond=0)
    return due if due > now else due + timedelta(days=1)


def retraction_watch_schedule(*, now=None):
    """
    Queues the watch for its next run, unless it is queued for that time already (whatever the
    task backend: a row per due time says so). Returns that time, or None when the task
    backend cannot run a task later (use cron then).
    """
    if not retraction_watch_tick.get_backend().supports_defer:
        return None
    due = watch_due_at(now=now)
    with transaction.atomic():  # no row without its task: a failed enqueue leaves none
        _, created = RetractionWatchRun.objects.get_or_create(due_at=due)
        if created:
            retraction_watch_tick.using(run_after=due).enqueue()
    RetractionWatchRun.objects.filter(due_at__lt=due - timedelta(days=30)).delete()
    return due


@task
def retraction_watch_tick():
    """
    Asks Crossref about every cited study, then queues itself for tomorrow: the clock of the
    retraction watch. `manage.py schedule_retraction_watch` (run by `make run`) starts it.
    """
    retraction_watch_schedule()  # first, so that a failure never stops the clock
    return [notice.pk for notice in studies_check_notices()]
