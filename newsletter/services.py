"""Everything the newsletter does that changes data or sends mail, in one place."""

import logging
import smtplib
import uuid
from datetime import timedelta
from itertools import batched

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.mail import mailers
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.tasks import TaskResultStatus
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django_tasks_db.models import DBTaskResult

from articles.models import Article
from newsletter.conf import setting
from newsletter.emails import EditionRenderer
from newsletter.models import Delivery, Edition, EditionArticle, Subscriber

logger = logging.getLogger(__name__)

CONSENT_HEADING = "Get Good News in Your Inbox"
CONSENT_TEXT = "Free, no spam, unsubscribe anytime."
NEVER_MAIL = {Subscriber.Status.BOUNCED, Subscriber.Status.COMPLAINED}
RELEASED = [Edition.Status.SCHEDULED, Edition.Status.SENDING, Edition.Status.SENT]


def email_normalize(email):
    """Trimmed, with the domain lower-cased (the local part is the mailbox owner's business)."""
    email = (email or "").strip()
    local, at, domain = email.rpartition("@")
    return f"{local}@{domain.lower()}" if at else email


def email_validate(email):
    """Django's check, plus a domain on the internet: no `root@localhost`, no `a@[10.0.0.1]`."""
    validate_email(email)
    domain = email.rpartition("@")[2]
    if domain.startswith("[") or "." not in domain:
        raise ValidationError("Enter an address with a full domain, like you@example.com.")


# Subscribers ------------------------------------------------------------------------------


def subscriber_signup(
    *, email, categories=(), frequency=None, source="", consent_text="", asked_at=None
):
    """
    Records a request to subscribe and sends a confirmation when one is due. Says nothing about
    the address's state: callers answer the same whatever happened here.
    """
    with transaction.atomic():
        subscriber, created = Subscriber.objects.select_for_update().get_or_create(
            email=email_normalize(email)
        )
        if subscriber.status in NEVER_MAIL or subscriber.status == Subscriber.Status.SUBSCRIBED:
            return subscriber
        if subscriber.status == Subscriber.Status.PENDING and not _confirmation_due(subscriber):
            return subscriber
        subscriber.status = Subscriber.Status.PENDING
        subscriber.consent_at = asked_at or timezone.now()
        subscriber.consent_source = source[:300]
        subscriber.consent_text = consent_text or CONSENT_TEXT
        subscriber.confirmed_at = None
        if frequency:
            subscriber.frequency = frequency
        subscriber.save()
        if categories or not created:
            subscriber.categories.set(categories)
        subscriber_send_confirmation(subscriber=subscriber)
    return subscriber


def _confirmation_due(subscriber):
    sent_at = subscriber.confirmation_sent_at
    return not sent_at or timezone.now() - sent_at >= setting("NEWSLETTER_RESEND_INTERVAL")


def subscriber_send_confirmation(*, subscriber):
    """Queues the double opt-in email once the surrounding transaction has committed."""
    from newsletter.tasks import send_confirmation

    Subscriber.objects.filter(pk=subscriber.pk).update(confirmation_sent_at=timezone.now())
    transaction.on_commit(lambda: send_confirmation.enqueue(subscriber.pk))


def subscriber_confirm(*, subscriber):
    """Activates a pending subscription; True when the subscriber is (now) subscribed."""
    if subscriber.status == Subscriber.Status.PENDING:
        subscriber.status = Subscriber.Status.SUBSCRIBED
        subscriber.confirmed_at = timezone.now()
        subscriber.unsubscribed_at = None
        subscriber.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])
    return subscriber.status == Subscriber.Status.SUBSCRIBED


def subscriber_unsubscribe(*, subscriber):
    if subscriber.status in NEVER_MAIL or subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return
    subscriber.status = Subscriber.Status.UNSUBSCRIBED
    subscriber.unsubscribed_at = timezone.now()
    subscriber.save(update_fields=["status", "unsubscribed_at"])


def subscriber_update(*, subscriber, categories=None, frequency=None, pause_days=None):
    if frequency:
        subscriber.frequency = frequency
    if pause_days is not None:
        subscriber.paused_until = (
            timezone.now() + timedelta(days=pause_days) if pause_days > 0 else None
        )
    subscriber.save(update_fields=["frequency", "paused_until"])
    if categories is not None:
        subscriber.categories.set(categories)


def subscriber_send_link(*, email):
    """Mails a fresh preferences link, or a new confirmation to a pending address."""
    subscriber = Subscriber.objects.filter(email=email_normalize(email)).first()
    if subscriber is None or subscriber.status in NEVER_MAIL:
        return
    if subscriber.status == Subscriber.Status.PENDING:
        if _confirmation_due(subscriber):
            subscriber_send_confirmation(subscriber=subscriber)
        return
    from newsletter.tasks import send_manage_link

    transaction.on_commit(lambda: send_manage_link.enqueue(subscriber.pk))


def subscriber_suppress(*, email, status):
    """A bounce or spam complaint: the address is never mailed again."""
    return Subscriber.objects.filter(email__iexact=email_normalize(email)).update(
        status=status, unsubscribed_at=timezone.now()
    )


def subscriber_erase(*, subscriber):
    """
    Removes the person's data: the subscription, its consent record, its deliveries, and the
    admin history lines and queued signup tasks that name the address.
    """
    DBTaskResult.objects.filter(args_kwargs__kwargs__email=subscriber.email).delete()
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Subscriber), object_id=str(subscriber.pk)
    ).delete()
    subscriber.delete()


def _consent_time(value):
    try:
        moment = parse_datetime((value or "").strip())
    except ValueError:
        return None
    if moment and timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def subscribers_import(*, rows, source, chunk=1000):
    """
    Imports rows of {"email", "consent_at", "consent_text"}. An address with recorded consent is
    subscribed; one without gets a confirmation email instead. Existing addresses are left alone,
    so an import never resubscribes anyone who left. Returns (subscribed, asked, skipped).
    """
    subscribed = asked = skipped = 0
    for rows_chunk in batched(rows, chunk):
        wanted = {}
        for row in rows_chunk:
            email = email_normalize(row.get("email"))
            try:
                email_validate(email)
            except ValidationError:
                skipped += 1
                continue
            if email in wanted:
                skipped += 1
                continue
            wanted[email] = row
        known = set(Subscriber.objects.filter(email__in=wanted).values_list("email", flat=True))
        skipped += len(known)
        consented = []
        for email, row in wanted.items():
            if email in known:
                continue
            consent_at = _consent_time(row.get("consent_at"))
            if consent_at:
                consented.append(
                    Subscriber(
                        email=email,
                        status=Subscriber.Status.SUBSCRIBED,
                        consent_at=consent_at,
                        consent_source=source[:300],
                        consent_text=(row.get("consent_text") or "").strip(),
                        confirmed_at=consent_at,
                    )
                )
            else:
                subscriber_signup(email=email, source=source, consent_text="Imported, no consent")
                asked += 1
        Subscriber.objects.bulk_create(consented)
        subscribed += len(consented)
    return subscribed, asked, skipped


# Editions ---------------------------------------------------------------------------------


def edition_recipients(*, edition):
    subscribers = Subscriber.objects.active()
    if edition.kind == Edition.Kind.EDITION:
        return subscribers.wanting(list(edition.categories.all()))
    story_categories = list(
        edition.stories().values_list("category_id", flat=True).distinct().order_by()
    )
    return subscribers.filter(frequency=edition.kind).wanting(story_categories)


def edition_send(*, edition, when=None):
    """Sends now, or schedules for `when`; the task worker does the sending."""
    from newsletter.tasks import deliver_edition

    now = timezone.now()
    if edition.status == Edition.Status.SUPERSEDED:
        return  # its stories went out in a later digest
    if edition.status in {Edition.Status.SENDING, Edition.Status.SENT}:
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


def editions_resume(*, now=None):
    """Re-queues editions a crash left half sent and scheduled ones that are due."""
    now = now or timezone.now()
    stalled = Edition.objects.filter(
        Q(status=Edition.Status.SENDING) | Q(status=Edition.Status.SCHEDULED, scheduled_at__lte=now)
    )
    editions = list(stalled)
    for edition in editions:
        edition_send(edition=edition)
    return editions


def edition_send_test(*, edition, email):
    """Mails the edition to an editor; False when that address bounced or complained."""
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
    from django_tasks_db import DatabaseBackend

    from newsletter.tasks import digests_tick

    backend = digests_tick.get_backend()
    if not backend.supports_defer:
        return None
    if isinstance(backend, DatabaseBackend):
        pending = DBTaskResult.objects.filter(
            status=TaskResultStatus.READY, task_path=digests_tick.module_path
        )
        if queued := pending.order_by("run_after").first():
            return queued.run_after
    due = digest_due_at(now=now) + timedelta(days=1)
    digests_tick.using(run_after=due).enqueue()
    return due


# Sending ----------------------------------------------------------------------------------


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


def edition_queue_deliveries(*, edition):
    """One delivery row per recipient, read in keyset batches; safe to run again."""
    size = setting("NEWSLETTER_BATCH_SIZE")
    recipients = edition_recipients(edition=edition).order_by("pk")
    last = 0
    while ids := list(recipients.filter(pk__gt=last).values_list("pk", flat=True)[:size]):
        Delivery.objects.bulk_create(
            [Delivery(edition=edition, subscriber_id=pk) for pk in ids], ignore_conflicts=True
        )
        last = ids[-1]


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
    batch = list(claimed.select_related("subscriber").order_by("pk"))
    categories = {}
    if edition.is_digest:
        chosen = Subscriber.categories.through.objects.filter(
            subscriber_id__in=[delivery.subscriber_id for delivery in batch]
        ).values_list("subscriber_id", "category_id")
        for subscriber_id, category_id in chosen:
            categories.setdefault(subscriber_id, set()).add(category_id)
    renew_every = setting("NEWSLETTER_SEND_LEASE") / 4
    renewed = timezone.now()
    held = {delivery.pk for delivery in batch}
    connection = mailers.default
    try:
        with connection:
            for delivery in batch:
                if timezone.now() - renewed > renew_every:
                    renewed = timezone.now()
                    claimed.update(claimed_at=renewed)  # a slow server is no dead run
                    # Stalled past the lease, another run may have taken rows back: not ours now.
                    held = set(claimed.values_list("pk", flat=True))
                if delivery.pk in held:
                    _send_one(delivery, renderer, categories, connection)
    except Exception as error:
        if _is_transient(error):
            raise TransientSendError(str(error)) from error
        raise
    finally:
        # Whatever did not go out (an error stopped the batch) goes back to the queue.
        claimed.update(status=Delivery.Status.QUEUED, claim="", claimed_at=None)


def _send_one(delivery, renderer, categories, connection):
    subscriber = delivery.subscriber
    rows = Delivery.objects.filter(pk=delivery.pk)
    try:
        stories = renderer.stories_for(categories.get(subscriber.pk))
        nothing_to_say = not stories and (renderer.edition.is_digest or not renderer.edition.intro)
        mailable = subscriber.status == Subscriber.Status.SUBSCRIBED and not subscriber.is_paused
        if not mailable or nothing_to_say:
            rows.update(status=Delivery.Status.SKIPPED)
            return
        message = renderer.message(subscriber=subscriber, stories=stories, connection=connection)
        connection.send_messages([message])
    except Exception as error:
        if _is_transient(error):
            raise
        # Refused for this address, or this one message cannot be built: the rest go on.
        logger.log(
            logging.INFO if _is_permanent(error) else logging.ERROR,
            "Delivery %s failed for good: %r",
            delivery.pk,
            error,
            exc_info=not _is_permanent(error),
        )
        rows.update(status=Delivery.Status.FAILED, error=f"{type(error).__name__}: {error}"[:500])
        return
    rows.update(status=Delivery.Status.SENT, sent_at=timezone.now())


def edition_retry_delay(*, attempt):
    return timedelta(seconds=min(3600, setting("NEWSLETTER_RETRY_BASE_SECONDS") * 2**attempt))
