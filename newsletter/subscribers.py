"""
Subscribers: signup with double opt-in, confirmation, preferences, unsubscribing, suppression
after bounces, erasure and imports; and the tasks that send their emails.
"""

from dataclasses import dataclass, field
from datetime import UTC, timedelta
from itertools import batched

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.tasks import task
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django_tasks_db.models import DBTaskResult

from articles.models import Category
from newsletter.conf import setting
from newsletter.emails import confirmation_message, manage_link_message
from newsletter.models import Subscriber
from newsletter.validators import email_normalize, email_validate

NEVER_MAIL = {Subscriber.Status.BOUNCED, Subscriber.Status.COMPLAINED}


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
        subscriber.consent_text = consent_text
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
    # django.tasks finds a result by its id only: the rows naming the address are the queue's.
    DBTaskResult.objects.filter(args_kwargs__kwargs__email=subscriber.email).delete()
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Subscriber), object_id=str(subscriber.pk)
    ).delete()
    subscriber.delete()


class ConsentTimeError(ValueError):
    """A consent date that parses but has no UTC time, so no database can store it."""


def _consent_time(value):
    """The moment in a consent_at cell; None when there is none, or none that parses."""
    try:
        moment = parse_datetime((value or "").strip())
    except ValueError:
        return None
    if moment and timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    if moment:
        try:
            moment.astimezone(UTC)  # what the database stores
        except OverflowError:
            raise ConsentTimeError(f"the consent date “{value.strip()}” is out of range") from None
    return moment


@dataclass
class ImportReport:
    subscribed: int = 0
    asked: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)  # rows left out, each with its reason


def subscribers_import(*, rows, source, chunk=1000):
    """
    Imports rows of {"email", "consent_at", "consent_text"}. An address with recorded consent is
    subscribed; one without gets a confirmation email instead. Existing addresses are left alone,
    so an import never resubscribes anyone who left. A row whose consent date cannot be stored is
    left out and named in the report's errors.
    """
    report = ImportReport()
    for rows_chunk in batched(rows, chunk):
        wanted = {}
        for row in rows_chunk:
            email = email_normalize(row.get("email"))
            try:
                email_validate(email)
            except ValidationError:
                report.skipped += 1
                continue
            if email in wanted:
                report.skipped += 1
                continue
            wanted[email] = row
        known = set(Subscriber.objects.filter(email__in=wanted).values_list("email", flat=True))
        report.skipped += len(known)
        consented = []
        for email, row in wanted.items():
            if email in known:
                continue
            try:
                consent_at = _consent_time(row.get("consent_at"))
            except ConsentTimeError as error:
                report.errors.append(f"Not imported: {email} ({error}).")
                continue
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
                report.asked += 1
        Subscriber.objects.bulk_create(consented)
        report.subscribed += len(consented)
    return report


# The signup and new-link forms hand their work to these two at once, whatever the address: the
# answer, and the time it takes, then say nothing about whether it is on the list.
@task(queue_name="email")
def signup(email, category_ids, frequency, source, consent_text, asked_at):
    subscriber_signup(
        email=email,
        categories=Category.objects.filter(pk__in=category_ids),
        frequency=frequency,
        source=source,
        consent_text=consent_text,
        asked_at=parse_datetime(asked_at),
    )


@task(queue_name="email")
def send_link(email):
    subscriber_send_link(email=email)


@task(queue_name="email")
def send_confirmation(subscriber_id):
    subscriber = Subscriber.objects.filter(
        pk=subscriber_id, status=Subscriber.Status.PENDING
    ).first()
    if subscriber:
        confirmation_message(subscriber).send()


@task(queue_name="email")
def send_manage_link(subscriber_id):
    subscriber = Subscriber.objects.filter(pk=subscriber_id).exclude(status__in=NEVER_MAIL).first()
    if subscriber:
        manage_link_message(subscriber).send()
