"""
How one subscriber's copy leaves: through the edition's mailer, and recorded as sent before the
next one goes out (a killed run then has at most one copy unaccounted for).

With Django's own SMTP backend the copy's bytes, composed once per edition and filled in per
subscriber (newsletter/mime.py), go straight to the mail server on the backend's connection:
building an EmailMessage and parsing its addresses again for every copy cost more than sending
it. Every other backend is handed Django's EmailMessage as usual.
"""

import contextlib
import functools
import re
import smtplib

from django.core.mail.backends import smtp
from django.db import connections, router
from django.utils import timezone

from newsletter.models import Delivery

# SMTP ends a message with a period alone on a line: a line of the message that starts with one
# gets a second (RFC 5321 4.5.2), which the server takes off again.
PERIOD_AT_LINE_START = re.compile(rb"(?m)^\.")
# The replies that let a copy go on after MAIL, RCPT and DATA.
ACCEPTED = [(250,), (250, 251), (354,)]


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
            _transaction(self.smtp, self.sender, subscriber.email, raw)
            return
        message = self.renderer.message(
            subscriber=subscriber, stories=stories, connection=self.mailer
        )
        self.mailer.send_messages([message])


def _transaction(connection, sender, recipient, raw):
    """
    smtplib's sendmail() for one recipient whose address needs no quoting and a message already
    in SMTP's line ends: the same commands, replies and exceptions, without parsing both
    addresses again or scanning the whole message for periods to double (a third of
    sendmail's time for each copy). Where the server offers PIPELINING (RFC 2920), MAIL, RCPT
    and DATA go in one write: two round trips a copy rather than four.
    """
    connection.ehlo_or_helo_if_needed()
    size = f" SIZE={len(raw)}" if connection.has_extn("size") else ""
    commands = [f"MAIL FROM:<{sender}>{size}", f"RCPT TO:<{recipient}>", "DATA"]
    if connection.has_extn("pipelining"):
        connection.send("".join(f"{command}\r\n" for command in commands))
        replies = [connection.getreply() for _ in commands]
    else:
        replies = []
        for command, codes in zip(commands, ACCEPTED, strict=True):
            connection.send(f"{command}\r\n")
            replies.append(connection.getreply())
            if replies[-1][0] not in codes:
                break
    for step, ((code, response), codes) in enumerate(zip(replies, ACCEPTED, strict=False)):
        if code not in codes:
            if replies[-1][0] == 354:  # a server that took DATA after a refusal: nothing to send
                connection.send(b".\r\n")
                connection.getreply()
            _refused(connection, step, code, response, sender, recipient)
    if not raw.endswith(b"\r\n"):
        raw += b"\r\n"
    if raw.startswith(b".") or b"\n." in raw:
        raw = PERIOD_AT_LINE_START.sub(b"..", raw)
    connection.send(raw + b".\r\n")
    code, response = connection.getreply()
    if code != 250:
        _refused(connection, 2, code, response, sender, recipient)


def _refused(connection, step, code, response, sender, recipient):
    """As smtplib does when the server refuses: hang up on 421, else reset; then raise."""
    if code == 421:
        connection.close()
    else:
        with contextlib.suppress(smtplib.SMTPServerDisconnected):
            connection.rset()
    if step == 0:
        raise smtplib.SMTPSenderRefused(code, response, sender)
    if step == 1:
        raise smtplib.SMTPRecipientsRefused({recipient: (code, response)})
    raise smtplib.SMTPDataError(code, response)


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


@contextlib.contextmanager
def unflushed_commits():
    """
    While a batch goes out on PostgreSQL, each copy's record commits without waiting for the
    server to flush it to disk (synchronous_commit off, for this connection until the batch
    ends): that wait was most of a copy's time. A killed worker loses nothing by it, since the
    server already has the commit; a crash of the database server itself may lose the last
    fraction of a second's records, as SQLite's synchronous=NORMAL may on power loss, and those
    copies would then go out again.
    """
    connection = connections[router.db_for_write(Delivery)]
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO off")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")
