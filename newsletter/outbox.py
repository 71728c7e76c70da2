"""
How one subscriber's copy leaves: through the edition's mailer, and recorded as sent before the
next one goes out (a killed run then has at most one copy unaccounted for).

With Django's own SMTP backend the copy's bytes, composed once per edition and filled in per
subscriber (newsletter/mime.py), go straight to smtplib's sendmail on the backend's connection:
building an EmailMessage and parsing its addresses again for every copy cost more than sending
it. Every other backend is handed Django's EmailMessage as usual.
"""

import functools

from django.core.mail.backends import smtp
from django.db import connections, router
from django.utils import timezone

from newsletter.models import Delivery


def _smtp_connection(mailer):
    """
    The open smtplib connection of Django's own SMTP backend, or None. The backend's open()
    applied its options (host, port, credentials, TLS or SSL, timeout, certificates) exactly as
    for any other email. Other backends (locmem in tests, files by default, the console, an
    email service's API) and subclasses, which may sign or rewrite messages, get None.
    """
    if type(mailer) is smtp.EmailBackend and not mailer.fail_silently:
        return mailer.connection
    return None


class Outbox:
    """Sends copies of `renderer`'s edition through `mailer`, which the caller holds open."""

    def __init__(self, *, mailer, renderer):
        self.mailer = mailer
        self.renderer = renderer
        self.smtp = _smtp_connection(mailer)
        if self.smtp is not None:
            self.sender = mailer.prep_address(renderer.site.sender)

    def send(self, *, subscriber, stories):
        """`subscriber` needs `email` and `key`: a row read for the batch will do."""
        raw = self.smtp and self.renderer.message_bytes(subscriber=subscriber, stories=stories)
        if raw:
            # The composer writes only a dot-atom ASCII address (no space, no line break, no
            # display name), which Django's prep_address() would give back unchanged.
            self.smtp.sendmail(self.sender, [subscriber.email], raw)
            return
        message = self.renderer.message(
            subscriber=subscriber, stories=stories, connection=self.mailer
        )
        self.mailer.send_messages([message])


@functools.cache
def _record_sent_sql(alias):
    quote = connections[alias].ops.quote_name
    meta = Delivery._meta
    status, sent_at = meta.get_field("status").column, meta.get_field("sent_at").column
    return (
        f"UPDATE {quote(meta.db_table)} SET {quote(status)} = %s, {quote(sent_at)} = %s "
        f"WHERE {quote(meta.pk.column)} = %s"
    )


def delivery_record_sent(*, pk):
    """
    Marks one delivery sent. Plain SQL: compiling the same ORM UPDATE again for every copy was
    the largest part of the worker's time once the copies themselves were cheap.
    """
    alias = router.db_for_write(Delivery)
    connection = connections[alias]
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(_record_sent_sql(alias), [Delivery.Status.SENT.value, now, pk])
