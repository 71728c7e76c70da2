"""
Editions and digests: releasing an edition for sending (now, later, or again after a crash),
test sends, progress, and composing the daily and weekly digests on their clock. The sending
itself is the delivery engine's (newsletter/sending.py).
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.tasks import TaskResultStatus, task
from django.utils import timezone
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from articles.models import Article
from newsletter.conf import setting
from newsletter.emails import EditionRenderer
from newsletter.models import Delivery, Edition, EditionArticle, Subscriber
from newsletter.sending import deliver_edition
from newsletter.subscribers import NEVER_MAIL
from newsletter.validators import email_normalize, header_validate

RELEASED = [Edition.Status.SCHEDULED, Edition.Status.SENDING, Edition.Status.SENT]


class EditionError(Exception):
    """What was asked of an edition cannot be done; the message tells the editor why."""


def _refuse_unmailable(edition):
    try:
        header_validate(edition.subject)
    except ValidationError as error:
        raise EditionError(f"“{edition}”: {error.message}") from None


def _refuse_unsendable(edition):
    _refuse_unmailable(edition)
    if edition.status == Edition.Status.SUPERSEDED:
        raise EditionError(f"“{edition}” was superseded by a later digest, which has its stories.")
    if edition.has_gone_out:
        return  # what went out is finished, or resumed as it was
    if not edition.stories().exists() and not edition.intro.strip():
        raise EditionError(f"“{edition}” has no published stories and no intro.")


def edition_send(*, edition, when=None):
    """
    Sends now, or schedules for `when`; the task worker does the sending. Raises EditionError
    for a superseded digest (its stories went out in a later one) and an edition with nothing
    to say.
    """
    _refuse_unsendable(edition)
    _release(edition, when)


def _release(edition, when=None):
    now = timezone.now()
    if edition.has_gone_out:
        task = deliver_edition if edition.status == Edition.Status.SENDING else None
    else:
        later = when is not None and when > now
        edition.status = Edition.Status.SCHEDULED if later else Edition.Status.SENDING
        edition.scheduled_at = when if later else now
        edition.save(update_fields=["status", "scheduled_at"])
        task = deliver_edition.using(run_after=when) if later else deliver_edition
    if task is not None:
        for _ in range(setting("NEWSLETTER_SENDERS")):
            transaction.on_commit(lambda: task.enqueue(edition.pk))


def edition_schedule(*, edition, when):
    """Schedules the edition for `when`, which must be in the future; raises EditionError."""
    _refuse_unsendable(edition)
    if when is None or when <= timezone.now():
        raise EditionError(f"“{edition}” needs a “scheduled at” time in the future.")
    _release(edition, when)


def edition_unschedule(*, edition):
    """
    A scheduled edition goes back to draft; True when it was scheduled. Its queued task then
    finds a draft and sends nothing.
    """
    unscheduled = Edition.objects.filter(pk=edition.pk, status=Edition.Status.SCHEDULED).update(
        status=Edition.Status.DRAFT
    )
    if unscheduled:
        edition.status = Edition.Status.DRAFT
    return bool(unscheduled)


def editions_resume(*, now=None):
    """Re-queues editions a crash left half sent and scheduled ones that are due."""
    now = now or timezone.now()
    stalled = Edition.objects.filter(
        Q(status=Edition.Status.SENDING) | Q(status=Edition.Status.SCHEDULED, scheduled_at__lte=now)
    )
    editions = list(stalled)
    for edition in editions:
        _release(edition)  # released before: nothing to judge again
    return editions


def edition_send_test(*, edition, email):
    """
    Mails the edition to an editor; False when that address bounced or complained. Raises
    EditionError when the edition cannot be mailed at all.
    """
    _refuse_unmailable(edition)
    normalized = email_normalize(email)
    if Subscriber.objects.filter(email__iexact=normalized, status__in=NEVER_MAIL).exists():
        return False
    stories = list(edition.stories())
    probe = Subscriber(email=email)
    message = EditionRenderer(edition, stories).message(
        subscriber=probe, stories=stories, subject_prefix="[Test] "
    )
    message.send()
    return True


def edition_actions_available(*, edition):
    """
    What can be done with `edition` now, by its status: send_test, schedule, unschedule,
    send_now. The steps still refuse what they must (an empty edition, a bad subject).
    """
    if edition.pk is None or edition.status == Edition.Status.SUPERSEDED:
        return []
    if edition.has_gone_out:
        return ["send_test"]
    if edition.status == Edition.Status.SCHEDULED:
        return ["send_test", "unschedule", "send_now"]
    return ["send_test", "schedule", "send_now"]


def edition_progress(*, edition):
    counts = edition.deliveries.aggregate(
        queued=Count("pk", filter=Q(status__in=[Delivery.Status.QUEUED, Delivery.Status.SENDING])),
        sent=Count("pk", filter=Q(status=Delivery.Status.SENT)),
        failed=Count("pk", filter=Q(status=Delivery.Status.FAILED)),
        skipped=Count("pk", filter=Q(status=Delivery.Status.SKIPPED)),
    )
    return counts


def digest_due_at(*, weekly=False, now=None):
    """The latest time at or before `now` a digest of this kind was due (local time)."""
    local = timezone.localtime(now or timezone.now())
    hour = setting("NEWSLETTER_DAILY_DIGEST_HOUR")
    due = local.replace(hour=hour, minute=0, second=0, microsecond=0)
    if due > local:
        due -= timedelta(days=1)
    if weekly:
        due -= timedelta(days=(due.weekday() - setting("NEWSLETTER_WEEKLY_DIGEST_WEEKDAY")) % 7)
    return due


def digest_compose(*, weekly=False, now=None):
    """
    Composes the daily (or weekly) digest from the stories published since the last one.
    There is one digest per due time (see digest_due_at): returns None when this one exists
    already, or when there is nothing new.
    """
    now = now or timezone.now()
    kind = Edition.Kind.WEEKLY if weekly else Edition.Kind.DAILY
    period = timedelta(days=7 if weekly else 1)
    # Digests never released (held for approval) are replaced by this one, which takes over
    # their stories: it starts where the last digest that went out ended.
    digests = Edition.objects.filter(kind=kind)
    held = digests.filter(status__in=[Edition.Status.DRAFT, Edition.Status.AWAITING_APPROVAL])
    first_held = held.order_by("period_start").first()
    last = digests.filter(status__in=RELEASED).order_by("-period_end").first()
    if first_held:
        start = first_held.period_start
    elif last:
        start = last.period_end
    else:
        start = now - period
    stories = list(
        Article.objects.published()
        .filter(published_at__gt=start, published_at__lte=now)
        .order_by("-published_at")
        .values_list("pk", flat=True)[: setting("NEWSLETTER_DIGEST_MAX_STORIES")]
    )
    if not stories:
        return None
    label = "This week's" if weekly else "Today's"
    try:
        with transaction.atomic():
            edition = Edition.objects.create(
                kind=kind,
                subject=f"{label} Good News: {timezone.localdate(now):%-d %B %Y}",
                preheader=f"{len(stories)} good news {'story' if len(stories) == 1 else 'stories'}",
                due_at=digest_due_at(weekly=weekly, now=now),
                period_start=start,
                period_end=now,
                status=Edition.Status.DRAFT,
            )
            EditionArticle.objects.bulk_create(
                EditionArticle(edition=edition, article_id=pk, position=i)
                for i, pk in enumerate(stories)
            )
            held.exclude(pk=edition.pk).update(status=Edition.Status.SUPERSEDED)
            if setting("NEWSLETTER_DIGEST_APPROVAL"):
                edition.status = Edition.Status.AWAITING_APPROVAL
                edition.save(update_fields=["status"])
            else:
                edition_send(edition=edition)
    except IntegrityError:
        return None  # this period's digest exists: composed earlier, or by a run beside this one
    return edition


def digests_compose_due(*, now=None):
    """
    The daily digest, and on its weekday the weekly one: what a clock at the digest hour runs.
    Composing is once per due time, so a late, repeated or doubled run composes nothing more.
    """
    now = now or timezone.now()
    editions = [digest_compose(now=now)]
    if digest_due_at(weekly=True, now=now) == digest_due_at(now=now):
        editions.append(digest_compose(weekly=True, now=now))
    return [edition for edition in editions if edition]


def digests_schedule(*, now=None):
    """
    Queues the digest task for the next due time, unless the database queue holds it already.
    Returns that time, or None when the task backend cannot run a task later (use cron then).
    """
    backend = digests_tick.get_backend()
    if not backend.supports_defer:
        return None
    if isinstance(backend, DatabaseBackend):
        # django.tasks looks results up by id only; which ticks wait is the queue's to say.
        pending = DBTaskResult.objects.filter(
            status=TaskResultStatus.READY, task_path=digests_tick.module_path
        )
        if queued := pending.order_by("run_after").first():
            return queued.run_after
    due = digest_due_at(now=now) + timedelta(days=1)
    digests_tick.using(run_after=due).enqueue()
    return due


@task
def digests_tick():
    """
    Composes the digests due now, then queues itself for the next due time: the clock that
    sends digests unattended. `manage.py schedule_digests` (run by `make run`) starts it.
    """
    digests_schedule()  # first, so that a failure here never stops the clock
    editions = digests_compose_due()
    return [edition.pk for edition in editions]
