"""
The delivery engine: one delivery row per recipient, claimed in batches by one or more sending
runs, each message sent over a shared connection; what fails for one address is recorded, what
fails for the server is retried later. `deliver_edition` is the task that runs it.
"""

import logging
import smtplib
import time
import uuid
from datetime import timedelta

from django.core.mail import mailers
from django.db import connections, router
from django.db.models import Exists, F, OuterRef, Value
from django.tasks import task
from django.utils import timezone

from newsletter.conf import setting
from newsletter.emails import EditionRenderer
from newsletter.models import Delivery, Edition, Subscriber
from newsletter.outbox import Outbox, delivery_record_sent, unflushed_commits

logger = logging.getLogger(__name__)


class TransientSendError(Exception):
    """The mail server is unwell for now: try the rest of the edition again later."""


def _is_permanent(error):
    """True when the failure belongs to this one address (SMTP 5xx), not the server."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code >= 500
    name = type(error).__name__
    return name == "AnymailRecipientsRefused" or isinstance(error, ValueError)


def _is_transient(error):
    if isinstance(error, smtplib.SMTPResponseException | smtplib.SMTPRecipientsRefused):
        return not _is_permanent(error)
    if isinstance(error, smtplib.SMTPException | OSError):
        return True
    return type(error).__module__.startswith("anymail")


def edition_retry_delay(*, attempt):
    return timedelta(seconds=min(3600, setting("NEWSLETTER_RETRY_BASE_SECONDS") * 2**attempt))


def edition_queue_deliveries(*, edition):
    """
    One delivery row per recipient, written by the database itself (INSERT ... SELECT: no row
    passes through Python); safe to run again, and side by side (ON CONFLICT DO NOTHING, the
    same in SQLite and PostgreSQL).
    """
    # Every run of a send (each worker's, each resume) comes here: it adds only who is missing.
    queued = Delivery.objects.filter(edition=edition, subscriber=OuterRef("pk"))
    missing = (
        Subscriber.objects.recipients_of(edition)
        .exclude(Exists(queued))
        .order_by("pk")
        .values_list(
            Value(edition.pk), "pk", Value(Delivery.Status.QUEUED.value), Value(""), Value("")
        )
    )
    alias = router.db_for_write(Delivery)
    select, params = missing.query.get_compiler(alias).as_sql()
    quote = connections[alias].ops.quote_name
    meta = Delivery._meta
    fields = ("edition", "subscriber", "status", "claim", "error")
    columns = ", ".join(quote(meta.get_field(name).column) for name in fields)
    with connections[alias].cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(meta.db_table)} ({columns}) {select} ON CONFLICT DO NOTHING",
            params,
        )


def _recover_stale_claims(edition):
    """
    Rows a killed run left `sending` (its claim not renewed within the lease): in each such
    batch the lowest row was on the wire and may have arrived, so it is marked failed rather than
    risk a second copy; the rest of that batch never left and go back to the queue.
    """
    stale = Delivery.objects.filter(
        edition=edition,
        status=Delivery.Status.SENDING,
        claimed_at__lt=timezone.now() - setting("NEWSLETTER_SEND_LEASE"),
    )
    for claim in set(stale.values_list("claim", flat=True)):
        rows = stale.filter(claim=claim)
        first = rows.order_by("pk").values_list("pk", flat=True).first()
        Delivery.objects.filter(pk=first).update(
            status=Delivery.Status.FAILED,
            error="Interrupted while sending; not retried, so nobody gets it twice.",
        )
        rows.update(status=Delivery.Status.QUEUED, claim="", claimed_at=None)


def _claim_batch(edition):
    """Claims the next queued rows for this run alone; several runs may share an edition."""
    queued = Delivery.objects.filter(edition=edition, status=Delivery.Status.QUEUED)
    size = setting("NEWSLETTER_BATCH_SIZE")
    ids = list(queued.order_by("pk").values_list("pk", flat=True)[:size])
    if not ids:
        return None
    claim = uuid.uuid4().hex
    queued.filter(pk__in=ids).update(
        status=Delivery.Status.SENDING, claim=claim, claimed_at=timezone.now()
    )
    return claim


def edition_deliver(*, edition):
    """
    Sends the edition to every recipient not yet sent to, in batches over one connection each.
    Several runs (tasks on several workers) may send one edition side by side. Returns True when
    the edition is finished, False when rows claimed by another run are still out. Raises
    TransientSendError when the mail server fails for now; what was sent stays recorded.
    """
    if edition.status not in {Edition.Status.SCHEDULED, Edition.Status.SENDING}:
        return True
    Edition.objects.filter(pk=edition.pk, status=Edition.Status.SCHEDULED).update(
        status=Edition.Status.SENDING, sending_started_at=timezone.now()
    )
    Edition.objects.filter(pk=edition.pk, sending_started_at__isnull=True).update(
        sending_started_at=timezone.now()
    )
    edition_queue_deliveries(edition=edition)
    _recover_stale_claims(edition)
    renderer = EditionRenderer(edition, list(edition.stories()))
    while True:
        claim = _claim_batch(edition)
        if claim is None:
            break
        _send_batch(edition, claim, renderer)
    if Delivery.objects.filter(
        edition=edition, status__in=[Delivery.Status.QUEUED, Delivery.Status.SENDING]
    ).exists():
        return False
    Edition.objects.filter(pk=edition.pk, status=Edition.Status.SENDING).update(
        status=Edition.Status.SENT, sent_at=timezone.now()
    )
    return True


def _send_batch(edition, claim, renderer):
    claimed = Delivery.objects.filter(claim=claim, status=Delivery.Status.SENDING)
    # Plain rows, not model instances: a batch holds only what deciding and addressing need.
    batch = list(
        claimed.order_by("pk")
        .annotate(
            email=F("subscriber__email"),
            key=F("subscriber__key"),
            # Still subscribed and not paused now: whoever left since the queueing is skipped.
            mailable=Exists(Subscriber.objects.active().filter(pk=OuterRef("subscriber_id"))),
        )
        .values_list("pk", "subscriber_id", "email", "key", "mailable", named=True)
    )
    categories = {}
    if edition.is_digest:
        chosen = Subscriber.categories.through.objects.filter(
            subscriber_id__in=[row.subscriber_id for row in batch]
        ).values_list("subscriber_id", "category_id")
        for subscriber_id, category_id in chosen:
            categories.setdefault(subscriber_id, set()).add(category_id)
    renew_every = setting("NEWSLETTER_SEND_LEASE") / 4
    renewed = timezone.now()
    held = {row.pk for row in batch}
    mailer = mailers.default
    try:
        with mailer, unflushed_commits():
            outbox = Outbox(mailer=mailer, renderer=renderer)
            for row in batch:
                if timezone.now() - renewed > renew_every:
                    renewed = timezone.now()
                    claimed.update(claimed_at=renewed)  # a slow server is no dead run
                    # Stalled past the lease, another run may have taken rows back: not ours now.
                    held = set(claimed.values_list("pk", flat=True))
                if row.pk in held:
                    _send_one(row, renderer, categories, outbox)
    except Exception as error:
        if _is_transient(error):
            raise TransientSendError(str(error)) from error
        raise
    finally:
        # Whatever did not go out (an error stopped the batch) goes back to the queue.
        claimed.update(status=Delivery.Status.QUEUED, claim="", claimed_at=None)


def _send_one(row, renderer, categories, outbox):
    try:
        stories = renderer.stories_for(categories.get(row.subscriber_id))
        nothing_to_say = not stories and (renderer.edition.is_digest or not renderer.edition.intro)
        if not row.mailable or nothing_to_say:
            Delivery.objects.filter(pk=row.pk).update(status=Delivery.Status.SKIPPED)
            return
        outbox.send(subscriber=row, stories=stories)
    except Exception as error:
        if _is_transient(error):
            raise
        # Refused for this address, or this one message cannot be built: the rest go on.
        logger.log(
            logging.INFO if _is_permanent(error) else logging.ERROR,
            "Delivery %s failed for good: %r",
            row.pk,
            error,
            exc_info=not _is_permanent(error),
        )
        Delivery.objects.filter(pk=row.pk).update(
            status=Delivery.Status.FAILED, error=f"{type(error).__name__}: {error}"[:500]
        )
        return
    delivery_record_sent(pk=row.pk)


@task(queue_name="email")
def deliver_edition(edition_id, attempt=0):
    """
    Sends an edition. A transient mail-server failure re-queues the rest for later, with
    backoff, where the backend can defer tasks; otherwise it waits and tries again here.
    """
    edition = Edition.objects.filter(pk=edition_id).first()
    if edition is None:
        return "gone"
    due = edition.scheduled_at is None or edition.scheduled_at <= timezone.now()
    if edition.status == Edition.Status.SCHEDULED and not due:
        return "not due"  # rescheduled for later: that run's own task sends it
    backend = deliver_edition.get_backend()
    while True:
        try:
            finished = edition_deliver(edition=edition)
        except TransientSendError as error:
            if attempt >= setting("NEWSLETTER_MAX_RETRIES"):
                raise
            delay = edition_retry_delay(attempt=attempt)
            attempt += 1
            logger.warning("Edition %s: %s; retry %s in %s", edition_id, error, attempt, delay)
            if backend.supports_defer:
                deliver_edition.using(run_after=timezone.now() + delay).enqueue(edition_id, attempt)
                return "retrying"
            time.sleep(delay.total_seconds())
            continue
        if not finished and backend.supports_defer:
            # Rows another run holds are still out: come back to finish or recover them.
            deliver_edition.using(
                run_after=timezone.now() + setting("NEWSLETTER_SEND_LEASE")
            ).enqueue(edition_id, attempt)
        return "sent" if finished else "held"
