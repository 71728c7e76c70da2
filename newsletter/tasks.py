"""
Background work, run by whichever django.tasks backend settings.TASKS names: by default the
database queue of django-tasks-db and its `manage.py db_worker`.
"""

import logging
import time

from django.tasks import task
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from articles.models import Category
from newsletter import services
from newsletter.conf import setting
from newsletter.emails import confirmation_message, manage_link_message
from newsletter.models import Edition, Subscriber

logger = logging.getLogger(__name__)


# The signup and new-link forms hand their work to these two at once, whatever the address: the
# answer, and the time it takes, then say nothing about whether it is on the list.
@task(queue_name="email")
def signup(email, category_ids, frequency, source, consent_text, asked_at):
    services.subscriber_signup(
        email=email,
        categories=Category.objects.filter(pk__in=category_ids),
        frequency=frequency,
        source=source,
        consent_text=consent_text,
        asked_at=parse_datetime(asked_at),
    )


@task(queue_name="email")
def send_link(email):
    services.subscriber_send_link(email=email)


@task(queue_name="email")
def send_confirmation(subscriber_id):
    subscriber = Subscriber.objects.filter(
        pk=subscriber_id, status=Subscriber.Status.PENDING
    ).first()
    if subscriber:
        confirmation_message(subscriber).send()


@task(queue_name="email")
def send_manage_link(subscriber_id):
    subscriber = (
        Subscriber.objects.filter(pk=subscriber_id).exclude(status__in=services.NEVER_MAIL).first()
    )
    if subscriber:
        manage_link_message(subscriber).send()


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
            finished = services.edition_deliver(edition=edition)
        except services.TransientSendError as error:
            if attempt >= setting("NEWSLETTER_MAX_RETRIES"):
                raise
            delay = services.edition_retry_delay(attempt=attempt)
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


@task
def digests_tick():
    """
    Composes the digests due now, then queues itself for the next due time: the clock that
    sends digests unattended. `manage.py schedule_digests` (run by `make run`) starts it.
    """
    services.digests_schedule()  # first, so that a failure here never stops the clock
    editions = services.digests_compose_due()
    return [edition.pk for edition in editions]
