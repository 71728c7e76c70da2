"""
Each subscriber's copy of an edition is composed from the edition's fixed MIME text: what
arrives must be what Django's email package would have written for the same message.
"""

import email
import email.policy
import re

import pytest
import time_machine
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone

from newsletter.emails import EditionRenderer, preferences_url, unsubscribe_url
from newsletter.mime import ComposedMessage, EncodedPart, _quoted_printable
from newsletter.models import Edition
from tests.factories import ArticleFactory, CategoryFactory
from tests.newsletter.factories import EditionFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

SMTP = email.policy.SMTP


def django_bytes(message):
    """The same message built field by field by Django's own EmailMultiAlternatives."""
    plain = EmailMultiAlternatives(
        message.subject,
        message.body,
        message.from_email,
        message.to,
        headers=message.extra_headers,
        alternatives=message.alternatives,
    )
    return plain.message(policy=SMTP).as_bytes()


def parsed(raw):
    return email.message_from_bytes(raw, policy=email.policy.default)


def assert_same_for_the_reader(composed, expected):
    """Every header (Message-ID and the boundary aside) and every decoded part are equal."""
    ours, theirs = parsed(composed), parsed(expected)
    assert ours.defects == [] and ours.get_content_type() == "multipart/alternative"
    personal = {"Message-ID", "Content-Type"}
    assert [(k, str(v)) for k, v in ours.items() if k not in personal] == [
        (k, str(v)) for k, v in theirs.items() if k not in personal
    ]
    assert ours["Message-ID"] != theirs["Message-ID"]
    ours_parts, their_parts = list(ours.iter_parts()), list(theirs.iter_parts())
    assert len(ours_parts) == len(their_parts) == 2
    for part, their_part in zip(ours_parts, their_parts, strict=True):
        assert part.get_content_type() == their_part.get_content_type()
        assert part.get_content_charset() == their_part.get_content_charset() == "utf-8"
        assert part.get_content() == their_part.get_content()


@pytest.fixture
def frozen():
    # Signed links carry a timestamp and Date the time: both equal within one instant.
    with time_machine.travel(timezone.now(), tick=False):
        yield


def test_a_subscribers_copy_is_what_django_would_write_for_it(frozen):
    story = ArticleFactory(title="Vaccine trial succeeds — 95 % efficacy", standfirst="Café = ok")
    edition = EditionFactory(
        subject="Good news: ça marche 🎉",
        intro=".\nFrom the desk: a line with trailing spaces   \n" + "long " * 60,
        stories=[story],
    )
    reader = SubscriberFactory(email="o'neil+news@example.com")
    renderer = EditionRenderer(edition, [story])
    message = renderer.message(subscriber=reader, stories=[story])
    composed = message.message(policy=SMTP)
    assert isinstance(composed, ComposedMessage)
    raw = composed.as_bytes()
    assert_same_for_the_reader(raw, django_bytes(message))
    head, body = raw.split(b"\r\n\r\n", 1)
    assert raw.isascii() and max(len(line) for line in body.split(b"\r\n")) <= 76

    # The personal parts, exactly: the signed links and the headers that carry them.
    unsubscribe, preferences = unsubscribe_url(reader), preferences_url(reader)
    received = parsed(raw)
    assert received["To"] == "o'neil+news@example.com"
    assert f"List-Unsubscribe: <{unsubscribe}>\r\n".encode() in raw  # one line, no encoded-word
    assert received["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text, html = (part.get_content() for part in received.iter_parts())
    assert f"Choose topics or fewer emails: {preferences}\r\n" in text
    assert f"Unsubscribe: {unsubscribe}\r\n" in text
    assert f'href="{unsubscribe}"' in html and f'href="{preferences}"' in html


def test_two_subscribers_differ_only_in_their_own_parts(frozen):
    story = ArticleFactory()
    edition = EditionFactory(stories=[story])
    renderer = EditionRenderer(edition, [story])
    first, second = SubscriberFactory.create_batch(2)
    one, other = (
        parsed(renderer.message(subscriber=reader, stories=[story]).message().as_bytes())
        for reader in (first, second)
    )
    assert one["To"] == first.email and other["To"] == second.email
    assert one["List-Unsubscribe"] == f"<{unsubscribe_url(first)}>"
    assert other["List-Unsubscribe"] == f"<{unsubscribe_url(second)}>"
    for ours, theirs in zip(one.iter_parts(), other.iter_parts(), strict=True):
        swapped = (
            ours.get_content()
            .replace(unsubscribe_url(first), unsubscribe_url(second))
            .replace(preferences_url(first), preferences_url(second))
        )
        assert swapped == theirs.get_content()


def test_a_digest_brings_each_reader_their_own_topics(frozen):
    health, space = CategoryFactory(name="Health"), CategoryFactory(name="Space")
    cure = ArticleFactory(category=health, title="A cure found")
    comet = ArticleFactory(category=space, title="A comet seen")
    edition = EditionFactory(kind=Edition.Kind.DAILY, stories=[cure, comet])
    renderer = EditionRenderer(edition, [cure, comet])
    readers = {
        "health": SubscriberFactory(categories=[health]),
        "space": SubscriberFactory(categories=[space]),
        "all": SubscriberFactory(),
    }
    texts = {}
    for name, reader in readers.items():
        chosen = set(reader.categories.values_list("pk", flat=True))
        message = renderer.message(subscriber=reader, stories=renderer.stories_for(chosen))
        raw = message.message(policy=SMTP).as_bytes()
        assert_same_for_the_reader(raw, django_bytes(message))
        texts[name] = next(parsed(raw).iter_parts()).get_content()
    assert "A cure found" in texts["health"] and "A comet seen" not in texts["health"]
    assert "A comet seen" in texts["space"] and "A cure found" not in texts["space"]
    assert "A cure found" in texts["all"] and "A comet seen" in texts["all"]


def test_what_the_shortcut_does_not_write_is_left_to_the_email_package(frozen):
    story = ArticleFactory()
    edition = EditionFactory(stories=[story])
    renderer = EditionRenderer(edition, [story])
    reader = SubscriberFactory(email="leser@bücher.example")
    message = renderer.message(subscriber=reader, stories=[story])
    built = message.message(policy=SMTP)
    assert not isinstance(built, ComposedMessage)
    assert built["To"] == "leser@xn--bcher-kva.example"


def test_a_composed_message_reads_like_any_other():
    story = ArticleFactory(title="Rivers run clean")
    renderer = EditionRenderer(EditionFactory(stories=[story]), [story])
    message = renderer.message(subscriber=SubscriberFactory(), stories=[story]).message()
    assert "\r\n" not in message.as_string()  # the default policy's line ends
    assert message["Subject"] == renderer.edition.subject
    assert "Rivers run clean" in message.get_body(("plain",)).get_content()


def without_message_id(raw):
    return re.sub(rb"Message-ID: <[^>]+>\r\n", b"", raw)


@pytest.mark.parametrize("kind", [Edition.Kind.EDITION, Edition.Kind.DAILY])
def test_the_bytes_sent_over_smtp_are_the_copy_encoded_for_its_reader(frozen, settings, kind):
    health, space = CategoryFactory(name="Health"), CategoryFactory(name="Space")
    stories = [
        ArticleFactory(category=health, title="Café = open", standfirst="Trailing space "),
        ArticleFactory(category=space, title="—" * 40),
    ]
    edition = EditionFactory(kind=kind, intro="é = " * 30 + "\n.\n", stories=stories)
    readers = [SubscriberFactory(categories=[health]), SubscriberFactory()]
    # Each length of the site's address puts the readers' tokens at another column, so that
    # the quoted-printable soft line breaks fall at every place inside a link.
    for length in range(77):
        settings.SITE_URL = f"https://{'n' * length}.example"
        renderer = EditionRenderer(edition, stories)
        for reader in readers:
            chosen = set(reader.categories.values_list("pk", flat=True))
            mine = renderer.stories_for(chosen)
            raw = renderer.message_bytes(subscriber=reader, stories=mine)
            message = renderer.message(subscriber=reader, stories=mine).message(policy=SMTP)
            assert without_message_id(raw) == without_message_id(message.as_bytes())
            assert unsubscribe_url(reader) in parsed(raw).get_body(("plain",)).get_content()


@pytest.mark.parametrize(
    "value",
    ["t" * 20, "a=b" + "t" * 17, "a.b" + "t" * 17, "tooshort", "with space" + "t" * 10],
)
def test_an_encoded_part_fills_in_only_what_encodes_as_itself(value):
    mark = "m" * 20
    # The mark at every column, before a line end, an escaped "=" and a space.
    lines = ["x" * column + mark + ending for column in range(80) for ending in ("", "=", " x")]
    text = "\n".join(lines + [".", "é" * 30 + mark])
    filled = EncodedPart(text, mark).fill(value)
    if filled is not None:
        assert filled == _quoted_printable(text.replace(mark, value))
    assert (filled is not None) == (value == "t" * 20)
