"""
The MIME text of an edition's copies, composed once per edition and filled in per subscriber.

Building each copy with Python's email package cost more than sending it (every header parsed
and folded, both parts encoded, the tree flattened again: about 3 ms a message). The copies of
an edition differ only in the address, the links, the Date and the Message-ID, so the email
package writes the fixed headers once; each copy then gets its own headers as plain lines and
its parts quoted-printable encoded (binascii, in C) after its links are in, so the encoding is
always that of the text it carries. Over SMTP even that encoding is done once per edition: see
EncodedPart. Anything this shortcut does not write (an address with a display name or a
non-ASCII domain, other headers, attachments) is left to the email package.
"""

import binascii
import email
import email.policy
import itertools
import re
import secrets
from datetime import UTC, datetime
from email import quoprimime
from email.utils import format_datetime, make_msgid
from functools import cached_property

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.utils import DNS_NAME
from django.utils.timezone import get_current_timezone

# An address the email package writes as it is: an ASCII dot-atom, no display name, nothing to
# quote, no space or line break (so it can go on the SMTP envelope and the To line unchanged).
ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
PLAIN_ADDRESS = re.compile(rf"{ATEXT}(?:\.{ATEXT})*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*")
# Headers each copy writes itself; a message that sets them otherwise is the email package's.
OWN_HEADERS = {"from", "to", "cc", "reply-to", "bcc", "date", "message-id", "subject"}
# Header lines, CRLF included, stay within RFC 5322's limit of 998 characters.
MAX_LINE = 998
TRANSFER_ENCODING = b"Content-Transfer-Encoding: quoted-printable"
PART = b'Content-Type: text/%%s; charset="utf-8"\r\n%s\r\n\r\n' % TRANSFER_ENCODING
# What quoted-printable writes as itself anywhere on a line: printable ASCII but "=" (always
# escaped) and "." (escaped alone on a line).
LITERAL = re.compile(r"[!-\-/-<>-~]+")


def _header(name, value):
    """`Name: value` as one line, or None when the email package must encode or fold it."""
    line = f"{name}: {value}\r\n"
    if not line.isascii() or len(line) > MAX_LINE or not value.isprintable():
        return None
    return line


def _body(text):
    # The email package's own line handling: CR, LF and CRLF all end a line, and the text ends
    # with one.
    return b"\r\n".join(text.encode().splitlines()) + b"\r\n"


def _binascii_qp(body):
    """binascii's quoted-printable, or None where it runs one past the line limit."""
    encoded = binascii.b2a_qp(body, istext=True)
    # It does when it escapes whitespace that ends a full line.
    return None if max(map(len, encoded.splitlines())) > 76 else encoded


def _quoted_printable(text):
    # Quoted-printable keeps the message 7-bit, like every other part Django writes.
    body = _body(text)
    encoded = _binascii_qp(body)
    if encoded is None:
        return quoprimime.body_encode(body.decode("latin-1"), eol="\r\n").encode("ascii")
    return encoded


class EncodedPart:
    """
    A part's text quoted-printable encoded once, `mark` standing wherever a copy's own value
    goes (the token in its links). Quoted-printable writes each of the LITERAL characters as
    itself, and where it breaks a line depends only on how many characters came before: a
    value as long as the mark and made of those characters takes exactly the mark's place,
    soft line breaks included, so the filled bytes are those of encoding the copy's own text.
    """

    def __init__(self, text, mark):
        self.mark = mark
        self.pieces = None
        encoded = _binascii_qp(_body(text))
        if encoded is None or not LITERAL.fullmatch(mark):
            return
        # The mark as encoded: its characters, with a soft line break ("=" CRLF) between any two.
        pattern = b"(?:=\r\n)?".join(re.escape(bytes([char])) for char in mark.encode())
        pieces, start = [], 0
        for match in re.finditer(pattern, encoded):
            cuts = [0]
            for end in range(match.start(), match.end()):
                if encoded[end : end + 3] == b"=\r\n":
                    cuts.append(end - match.start() - 3 * (len(cuts) - 1))
            cuts.append(len(mark))
            pieces.append((encoded[start : match.start()], list(itertools.pairwise(cuts))))
            start = match.end()
        if len(pieces) == text.count(mark):
            self.pieces, self.tail = pieces, encoded[start:]

    def fill(self, value):
        """The part encoded with `value` for the mark, or None when only encoding it will do."""
        if self.pieces is None or len(value) != len(self.mark) or not LITERAL.fullmatch(value):
            return None
        value = value.encode()
        filled = []
        for before, slices in self.pieces:
            filled.append(before)
            filled.append(b"=\r\n".join(value[start:end] for start, end in slices))
        filled.append(self.tail)
        return b"".join(filled)


class Composer:
    """The fixed part of an edition's message (Subject, From, the MIME frame), written once."""

    def __init__(self, *, subject, from_email):
        self.subject = subject
        self.from_email = from_email
        # Django's own message for these headers: the same encoding of a non-ASCII subject or
        # sender name, the same IDNA domains.
        message = EmailMultiAlternatives(subject, "", from_email).message(policy=email.policy.SMTP)
        head = b"".join(
            email.policy.SMTP.fold_binary(name, value)
            for name, value in message.items()
            if name in {"Subject", "From"}
        )
        # "=" is always escaped in quoted-printable, so "==" in the boundary never meets a body.
        boundary = f"==============={secrets.randbelow(10**19):019d}=="
        self.head = (
            f'MIME-Version: 1.0\r\nContent-Type: multipart/alternative;\r\n boundary="{boundary}"'
            "\r\n"
        ).encode() + head
        self.separator = f"\r\n--{boundary}\r\n".encode()
        self.end = f"\r\n--{boundary}--\r\n".encode()

    def compose(self, message):
        """The message's bytes (CRLF line ends), or None when the email package must build it."""
        if (
            message.subject != self.subject
            or message.from_email != self.from_email
            or len(message.to) != 1
            or message.cc
            or message.bcc
            or message.reply_to
            or message.attachments
            or message.encoding
            or [alternative.mimetype for alternative in message.alternatives] != ["text/html"]
        ):
            return None
        return self.copy(
            to=message.to[0],
            text=message.body,
            html=message.alternatives[0].content,
            headers=message.extra_headers,
        )

    def copy(self, *, to, text, html, headers):
        """One copy's bytes for the address `to`, or None when the email package must write it."""
        return self.copy_encoded(
            to=to, text=_quoted_printable(text), html=_quoted_printable(html), headers=headers
        )

    def copy_encoded(self, *, to, text, html, headers):
        """copy() for parts already quoted-printable encoded."""
        if (
            settings.DEFAULT_CHARSET.lower() != "utf-8"
            or not PLAIN_ADDRESS.fullmatch(to)
            or {name.lower() for name in headers} & OWN_HEADERS
        ):
            return None
        zone = get_current_timezone() if settings.EMAIL_USE_LOCALTIME else UTC
        lines = [
            f"To: {to}\r\n",
            f"Date: {format_datetime(datetime.now(zone))}\r\n",
            f"Message-ID: {make_msgid(domain=DNS_NAME)}\r\n",
        ]
        for name, value in headers.items():
            line = _header(name, value)
            if line is None:
                return None
            lines.append(line)
        return b"".join(
            [
                self.head,
                "".join(lines).encode(),
                self.separator,
                PART % b"plain",
                text,
                self.separator,
                PART % b"html",
                html,
                self.end,
            ]
        )


class ComposedMessage:
    """
    What `EmailMessage.message()` returns, for what email backends do with it (as_bytes,
    as_string); anything else reads the message parsed by the email package.
    """

    def __init__(self, raw, policy):
        self.raw = raw
        self.policy = policy

    def as_bytes(self, unixfrom=False, policy=None):
        linesep = (policy or self.policy).linesep
        return self.raw if linesep == "\r\n" else self.raw.replace(b"\r\n", linesep.encode())

    def as_string(self, unixfrom=False, maxheaderlen=0, policy=None):
        return self.as_bytes(policy=policy).decode("ascii")

    __bytes__ = as_bytes
    __str__ = as_string

    @cached_property
    def parsed(self):
        return email.message_from_bytes(self.raw, policy=self.policy)

    def __getattr__(self, name):
        if name.startswith("__"):  # copy and pickle look for hooks before __init__ has run
            raise AttributeError(name)
        return getattr(self.parsed, name)

    def __getitem__(self, name):
        return self.parsed[name]

    def __contains__(self, name):
        return name in self.parsed

    def __iter__(self):
        return iter(self.parsed)

    def __len__(self):
        return len(self.parsed)


class EditionEmail(EmailMultiAlternatives):
    """
    One subscriber's copy: an EmailMultiAlternatives like any other (backends that read its
    fields, such as an email service's API, see nothing new), whose MIME the edition's
    Composer writes.
    """

    def __init__(self, *args, composer, **kwargs):
        super().__init__(*args, **kwargs)
        self.composer = composer

    def message(self, *, policy=email.policy.default):
        raw = self.composer.compose(self)
        if raw is None:
            return super().message(policy=policy)
        return ComposedMessage(raw, policy)
