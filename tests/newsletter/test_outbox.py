"""
Over Django's own SMTP backend each copy goes out as prebuilt bytes on the backend's connection:
what a real mail server (aiosmtpd) receives, and how the mailer's options are applied.
"""

import email
import email.policy
import email.utils
import smtplib
import ssl
import subprocess
from urllib.parse import urlsplit

import pytest
from aiosmtpd.smtp import AuthResult
from django.core.mail import mailers
from django.core.mail.backends.smtp import EmailBackend
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve
from django.utils import timezone

from articles.site import site_settings
from newsletter import sending, tokens
from newsletter.emails import EditionRenderer
from newsletter.models import Delivery, Edition
from newsletter.outbox import Outbox
from tests.factories import ArticleFactory
from tests.faults.conftest import Sink
from tests.newsletter.factories import EditionFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


class Mailbox(Sink):
    """
    A local mail server that keeps each envelope and the login each session used; `pipelining`
    offers PIPELINING (RFC 2920) as Postfix does, `refuse` maps an address to a reply.
    """

    def __init__(self, *, pipelining=False, **controller):
        super().__init__()
        self.controller_options = controller
        self.envelopes, self.logins = [], []
        self.pipelining, self.refuse = pipelining, {}

    def start(self):
        from aiosmtpd.controller import Controller

        self.controller = Controller(
            self, hostname="127.0.0.1", port=self.port, **self.controller_options
        )
        self.controller.start()

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        if self.pipelining:
            responses.insert(-1, "250-PIPELINING")
        return responses

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if address in self.refuse:
            return self.refuse[address]
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return await super().handle_DATA(server, session, envelope)

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        self.logins.append((auth_data.login, auth_data.password))
        return AuthResult(success=(auth_data.login, auth_data.password) == (b"news", b"s3cret"))


def smtp_mailer(port, **options):
    return {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5, **options},
        }
    }


@pytest.fixture
def mailbox(settings):
    box = Mailbox()
    box.start()
    settings.MAILERS = smtp_mailer(box.port)
    yield box
    box.stop()


@pytest.fixture(params=[False, True], ids=["one command at a time", "pipelining"])
def any_mailbox(request, settings):
    """A mail server with PIPELINING and one without: copies go out right to both."""
    box = Mailbox(pipelining=request.param)
    box.start()
    settings.MAILERS = smtp_mailer(box.port)
    yield box
    box.stop()


@pytest.fixture
def writes(monkeypatch):
    """What the SMTP client writes, one item a write: the client then waits for replies."""
    written, send = [], smtplib.SMTP.send

    def recording(smtp, data):
        written.append(data)
        return send(smtp, data)

    monkeypatch.setattr(smtplib.SMTP, "send", recording)
    return written


@pytest.fixture(scope="session")
def certificate(tmp_path_factory):
    """A self-signed certificate for 127.0.0.1, made with the machine's openssl."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"]
        + ["-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1"]
        + ["-addext", "subjectAltName=IP:127.0.0.1"],
        check=True,
        capture_output=True,
    )
    return cert, key


def sending_edition(**kwargs):
    edition = EditionFactory(stories=[ArticleFactory(title="Rivers run clean")], **kwargs)
    Edition.objects.filter(pk=edition.pk).update(status=Edition.Status.SENDING)
    edition.refresh_from_db()
    return edition


def token_of(url):
    return resolve(urlsplit(url).path).kwargs["token"]


def test_each_reader_receives_a_valid_message_with_their_own_unsubscribe_link(mailbox):
    readers = SubscriberFactory.create_batch(3)
    edition = sending_edition()
    assert sending.edition_deliver(edition=edition) is True
    assert sorted(envelope.rcpt_tos[0] for envelope in mailbox.envelopes) == sorted(
        reader.email for reader in readers
    )
    sender = email.utils.parseaddr(site_settings().sender)[1]
    for envelope in mailbox.envelopes:
        (address,) = envelope.rcpt_tos
        assert envelope.mail_from == sender
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        parts = list(message.iter_parts())
        assert message.defects == [] and all(part.defects == [] for part in parts)
        assert message["To"] == address and message["Subject"] == edition.subject
        assert email.utils.parseaddr(message["From"])[1] == sender
        assert message["Message-ID"] and message["Date"]
        unsubscribe = message["List-Unsubscribe"][1:-1]
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        # The link is this reader's own: it unsubscribes them and nobody else.
        owner = tokens.subscriber_from_manage_token(token_of(unsubscribe), for_unsubscribe=True)
        assert owner.email == address
        text, html = (part.get_content() for part in parts)
        assert [part.get_content_type() for part in parts] == ["text/plain", "text/html"]
        assert f"Unsubscribe: {unsubscribe}" in text and f'href="{unsubscribe}"' in html
        assert "Rivers run clean" in text and "Rivers run clean" in html
    edition.refresh_from_db()
    sent = Delivery.objects.filter(edition=edition, status=Delivery.Status.SENT)
    assert sent.count() == 3
    assert all(edition.sending_started_at <= row.sent_at <= timezone.now() for row in sent)


def test_an_address_the_shortcut_cannot_write_goes_through_djangos_message(mailbox):
    reader = SubscriberFactory(email="leser@bücher.example")
    assert sending.edition_deliver(edition=sending_edition()) is True
    (envelope,) = mailbox.envelopes
    assert envelope.rcpt_tos == ["leser@xn--bcher-kva.example"]
    message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
    assert message.defects == [] and message["To"] == "leser@xn--bcher-kva.example"
    owner = tokens.subscriber_from_manage_token(
        token_of(message["List-Unsubscribe"][1:-1]), for_unsubscribe=True
    )
    assert owner == reader


@pytest.mark.parametrize(
    "address",
    [
        "evil@example.com\r\nBcc: victim@example.org",
        "evil@example.com>\r\nRCPT TO:<victim@example.org",
        "evil@example.com\nSubject: free money",
    ],
)
def test_a_subscriber_address_can_never_add_a_header_or_a_recipient(mailbox, address):
    good = SubscriberFactory(email="good@example.com")
    SubscriberFactory(email=address)  # written past the form, which would refuse it
    edition = sending_edition()
    assert sending.edition_deliver(edition=edition) is True
    assert [envelope.rcpt_tos for envelope in mailbox.envelopes] == [[good.email]]
    (envelope,) = mailbox.envelopes
    assert b"victim" not in envelope.original_content
    assert b"free money" not in envelope.original_content
    failed = Delivery.objects.get(status=Delivery.Status.FAILED)
    assert failed.subscriber.email == address and "ValueError" in failed.error


@pytest.fixture
def secure_mailbox(certificate, monkeypatch):
    """A mail server that wants a login over TLS: STARTTLS, or TLS from the first byte."""
    cert, key = certificate
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(cert, key)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # the client trusts this one certificate
    boxes = []

    def start(mode):
        if mode == "use_tls":  # nothing is accepted before STARTTLS
            tls = {"tls_context": server_tls, "require_starttls": True}
        else:  # aiosmtpd cannot tell that this session is TLS, so it is told not to ask
            tls = {"ssl_context": server_tls, "auth_require_tls": False}
        box = Mailbox(auth_required=True, **tls)
        box.controller_options["authenticator"] = box.authenticate
        box.start()
        boxes.append(box)
        return box

    yield start
    for box in boxes:
        box.stop()


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
@pytest.mark.parametrize("mode", ["use_tls", "use_ssl"])
def test_the_mailers_tls_and_login_options_are_applied(settings, secure_mailbox, mode):
    box = secure_mailbox(mode)
    settings.MAILERS = smtp_mailer(box.port, username="news", password="s3cret", **{mode: True})
    reader = SubscriberFactory()
    assert sending.edition_deliver(edition=sending_edition()) is True
    assert [envelope.rcpt_tos for envelope in box.envelopes] == [[reader.email]]
    assert box.logins == [(b"news", b"s3cret")]


class SigningBackend(EmailBackend):
    """A subclass that may change what it sends (say, a DKIM signature): no shortcut."""


@pytest.mark.parametrize(
    ("backend", "shortcut"),
    [
        ("django.core.mail.backends.smtp.EmailBackend", True),
        (f"{__name__}.SigningBackend", False),
    ],
)
def test_only_djangos_own_smtp_backend_is_handed_bytes(mailbox, settings, backend, shortcut):
    settings.MAILERS["default"]["BACKEND"] = backend
    settings.MAILERS["default"]["OPTIONS"]["timeout"] = 7
    with mailers.default as mailer:
        outbox = Outbox(mailer=mailer, renderer=EditionRenderer(sending_edition(), []))
        assert (outbox.smtp is not None) is shortcut
        assert mailer.connection.sock.gettimeout() == 7
        if shortcut:  # the backend's own connection, as its open() made it
            assert outbox.smtp is mailer.connection


def test_other_backends_are_handed_djangos_email_message(settings, mailoutbox):
    with mailers.default as mailer:
        outbox = Outbox(mailer=mailer, renderer=EditionRenderer(sending_edition(), []))
        assert outbox.smtp is None
    reader = SubscriberFactory()
    assert sending.edition_deliver(edition=sending_edition()) is True
    (message,) = mailoutbox
    assert message.to == [reader.email] and "List-Unsubscribe" in message.extra_headers


def test_a_failing_silently_smtp_backend_is_left_to_django(mailbox, settings):
    settings.MAILERS["default"]["OPTIONS"]["fail_silently"] = True
    with mailers.default as mailer:
        outbox = Outbox(mailer=mailer, renderer=EditionRenderer(sending_edition(), []))
        assert outbox.smtp is None


def test_email_written_to_files_still_gets_every_copy(settings, tmp_path):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": str(tmp_path)},
        }
    }
    readers = SubscriberFactory.create_batch(2)
    assert sending.edition_deliver(edition=sending_edition()) is True
    written = "".join(path.read_text() for path in tmp_path.iterdir())
    assert all(f"To: {reader.email}" in written for reader in readers)
    assert written.count("List-Unsubscribe: <https://") == 2


def test_each_more_copy_costs_one_query(mailbox):
    edition = sending_edition()
    SubscriberFactory.create_batch(5)
    with CaptureQueriesContext(connection) as five:
        sending.edition_deliver(edition=edition)
    other = sending_edition()
    SubscriberFactory.create_batch(10)  # fifteen readers for this one
    with CaptureQueriesContext(connection) as fifteen:
        sending.edition_deliver(edition=other)
    assert len(mailbox.envelopes) == 5 + 15
    assert len(fifteen) - len(five) == 10


def test_a_server_that_offers_pipelining_takes_each_copy_in_two_round_trips(any_mailbox, writes):
    readers = SubscriberFactory.create_batch(3)
    assert sending.edition_deliver(edition=sending_edition()) is True
    assert sorted(envelope.rcpt_tos[0] for envelope in any_mailbox.envelopes) == sorted(
        reader.email for reader in readers
    )
    # EHLO and QUIT, and for each copy MAIL, RCPT, DATA and the message: all four in two writes
    # where the server takes commands ahead of its replies.
    assert len(writes) == 2 + 3 * (2 if any_mailbox.pipelining else 4)


def test_a_line_that_starts_with_a_period_arrives_as_written(any_mailbox):
    SubscriberFactory()
    edition = sending_edition(intro=".NET developers, this one is for you.\n.\nAnd the rest.")
    assert sending.edition_deliver(edition=edition) is True
    (envelope,) = any_mailbox.envelopes
    message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
    lines = next(message.iter_parts()).get_content().splitlines()
    start = lines.index(".NET developers, this one is for you.")
    assert lines[start : start + 3] == [
        ".NET developers, this one is for you.",
        ".",
        "And the rest.",
    ]


def test_a_refused_address_fails_alone_and_a_refused_sender_is_tried_again_later(any_mailbox):
    good = SubscriberFactory(email="good@example.com")
    SubscriberFactory(email="nobody@example.com")
    any_mailbox.refuse["nobody@example.com"] = "550 5.1.1 No such user"
    edition = sending_edition()
    assert sending.edition_deliver(edition=edition) is True
    assert [envelope.rcpt_tos for envelope in any_mailbox.envelopes] == [[good.email]]
    failed = Delivery.objects.get(status=Delivery.Status.FAILED)
    assert failed.subscriber.email == "nobody@example.com" and "No such user" in failed.error

    SubscriberFactory(email="later@example.com")
    other = sending_edition()
    sender = email.utils.parseaddr(site_settings().sender)[1]
    any_mailbox.refuse = {sender: "451 4.7.1 Try again later"}
    with pytest.raises(sending.TransientSendError):
        sending.edition_deliver(edition=other)
    assert set(other.deliveries.values_list("status", flat=True)) == {Delivery.Status.QUEUED}
    any_mailbox.refuse = {}
    assert sending.edition_deliver(edition=other) is True
    assert len(any_mailbox.envelopes) == 1 + 3
