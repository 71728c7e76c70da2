import smtplib
from collections import Counter
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection
from django.tasks import default_task_backend
from django.utils import timezone

from newsletter import editions, sending, subscribers
from newsletter.emails import EditionRenderer
from newsletter.models import Delivery, Edition, Subscriber
from tests.factories import ArticleFactory, CategoryFactory, ImageFactory
from tests.newsletter.factories import EditionFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

DUMMY = {
    "default": {
        "BACKEND": "django.tasks.backends.dummy.DummyBackend",
        "QUEUES": ["default", "email"],
    }
}


class RecordingBackend(BaseEmailBackend):
    """A mail server that records each message and connection; `fail` makes it misbehave."""

    sent = []
    opened = 0
    fail = None  # callable(message, count_sent) -> exception or None

    def open(self):
        type(self).opened += 1
        return True

    def send_messages(self, messages):
        for message in messages:
            fail = type(self).fail
            error = fail and fail(message, len(type(self).sent))
            if error:
                raise error
            message.message()
            type(self).sent.append(message)
        return len(messages)


@pytest.fixture
def server(settings):
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.RecordingBackend"}}
    RecordingBackend.sent, RecordingBackend.opened, RecordingBackend.fail = [], 0, None
    return RecordingBackend


@pytest.fixture
def edition():
    return EditionFactory(stories=[ArticleFactory(), ArticleFactory()])


def recipients(messages):
    return Counter(message.to[0] for message in messages)


def test_sending_mails_every_active_subscriber_once_with_unsubscribe_headers(
    edition, mailoutbox, committed
):
    readers = SubscriberFactory.create_batch(3)
    SubscriberFactory(status=Subscriber.Status.PENDING)
    SubscriberFactory(status=Subscriber.Status.UNSUBSCRIBED)
    SubscriberFactory(status=Subscriber.Status.BOUNCED)
    SubscriberFactory(paused_until=timezone.now() + timedelta(days=3))
    with committed():
        editions.edition_send(edition=edition)
    assert recipients(mailoutbox) == {reader.email: 1 for reader in readers}
    for message in mailoutbox:
        link = message.extra_headers["List-Unsubscribe"]
        assert link.startswith("<https://news.example.org/newsletter/unsubscribe/")
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert link[1:-1] in message.body and link[1:-1] in message.alternatives[0].content
        assert edition.subject == message.subject
        raw = message.message().as_string()
        assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in raw
    edition.refresh_from_db()
    assert edition.status == Edition.Status.SENT
    assert editions.edition_progress(edition=edition) == {
        "queued": 0,
        "sent": 3,
        "failed": 0,
        "skipped": 0,
    }


def test_each_subscriber_gets_their_own_unsubscribe_link(edition, mailoutbox, committed):
    SubscriberFactory.create_batch(2)
    with committed():
        editions.edition_send(edition=edition)
    links = {message.extra_headers["List-Unsubscribe"] for message in mailoutbox}
    assert len(links) == 2


def test_the_email_has_html_with_inline_css_absolute_images_and_a_text_part(
    mailoutbox, committed, settings
):
    hero = ImageFactory(file="articles/reef.jpg", alt_text="A bright reef")
    story = ArticleFactory(title="Coral reefs recover", hero=hero)
    draft = ArticleFactory(title="Not yet public", status="draft")
    edition = EditionFactory(stories=[story, draft], intro="Hello <b>friends</b>")
    SubscriberFactory()
    with committed():
        editions.edition_send(edition=edition)
    (message,) = mailoutbox
    html = message.alternatives[0].content
    assert 'style="' in html and 'name="color-scheme"' in html
    assert 'src="https://news.example.org/media/articles/reef.jpg" alt="A bright reef"' in html
    assert f'href="https://news.example.org{story.get_absolute_url()}"' in html
    assert "Hello &lt;b&gt;friends&lt;/b&gt;" in html
    assert "Not yet public" not in html and "Not yet public" not in message.body
    assert "Coral reefs recover" in message.body
    assert "<a " not in message.body and "<td" not in message.body


def test_images_on_a_cdn_keep_their_own_absolute_url(mailoutbox, committed, settings):
    default = settings.STORAGES["default"]
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**default, "OPTIONS": {"base_url": "https://cdn.example.net/media/"}},
    }
    story = ArticleFactory(hero=ImageFactory(file="articles/otter.jpg", alt_text="Otters"))
    SubscriberFactory()
    with committed():
        editions.edition_send(edition=EditionFactory(stories=[story]))
    html = mailoutbox[0].alternatives[0].content
    assert 'src="https://cdn.example.net/media/articles/otter.jpg"' in html


def test_category_targeting(mailoutbox, committed):
    health, nature = CategoryFactory(), CategoryFactory()
    edition = EditionFactory(stories=[ArticleFactory(category=health)])
    edition.categories.set([health])
    wants_health = SubscriberFactory(categories=[health])
    wants_all = SubscriberFactory()
    SubscriberFactory(categories=[nature])
    with committed():
        editions.edition_send(edition=edition)
    assert recipients(mailoutbox) == {wants_health.email: 1, wants_all.email: 1}


def test_a_batch_reuses_one_connection(server, edition, settings):
    settings.NEWSLETTER_BATCH_SIZE = 3
    SubscriberFactory.create_batch(7)
    edition.status = Edition.Status.SENDING
    edition.save()
    sending.edition_deliver(edition=edition)
    assert len(server.sent) == 7
    assert server.opened == 3


def test_a_send_interrupted_mid_batch_resumes_and_sends_each_address_exactly_once(
    server, edition, settings
):
    settings.NEWSLETTER_BATCH_SIZE = 4
    readers = SubscriberFactory.create_batch(10)
    edition.status = Edition.Status.SENDING
    edition.save()
    server.fail = lambda message, count: (
        smtplib.SMTPServerDisconnected("Connection lost") if count == 6 else None
    )
    with pytest.raises(sending.TransientSendError):
        sending.edition_deliver(edition=edition)
    assert len(server.sent) == 6
    assert editions.edition_progress(edition=edition)["sent"] == 6
    server.fail = None
    edition.refresh_from_db()
    assert sending.edition_deliver(edition=edition) is True
    assert recipients(server.sent) == {reader.email: 1 for reader in readers}
    edition.refresh_from_db()
    assert edition.status == Edition.Status.SENT


def test_a_killed_run_resumes_without_sending_anyone_twice(server, edition, settings):
    """A killed worker leaves rows `sending`: the one on the wire is never sent again."""
    readers = SubscriberFactory.create_batch(5)
    edition.status = Edition.Status.SENDING
    edition.save()
    sending.edition_queue_deliveries(edition=edition)
    rows = list(Delivery.objects.filter(edition=edition).order_by("pk"))
    Delivery.objects.filter(pk=rows[0].pk).update(status=Delivery.Status.SENT)
    long_ago = timezone.now() - timedelta(minutes=6)  # past the five-minute lease
    Delivery.objects.filter(pk__in=[row.pk for row in rows[1:4]]).update(
        status=Delivery.Status.SENDING, claim="dead", claimed_at=long_ago
    )
    assert sending.edition_deliver(edition=edition) is True
    assert recipients(server.sent) == {reader.email: 1 for reader in readers[2:]}
    on_the_wire = Delivery.objects.get(pk=rows[1].pk)
    assert on_the_wire.status == Delivery.Status.FAILED and "Interrupted" in on_the_wire.error


def test_a_run_stalled_past_its_lease_never_sends_rows_another_run_took_over(server, edition):
    readers = SubscriberFactory.create_batch(4)
    Edition.objects.filter(pk=edition.pk).update(status=Edition.Status.SENDING)
    edition.refresh_from_db()
    stalled = []
    with time_machine.travel(timezone.now(), tick=False) as clock:

        def stall_then_be_overtaken(message, count):
            if not stalled:
                stalled.append(message)
                clock.shift(timedelta(minutes=6))  # the mail server hangs past the lease
                sending.edition_deliver(edition=edition)  # another worker takes over

        server.fail = stall_then_be_overtaken
        sending.edition_deliver(edition=edition)
    assert recipients(server.sent) == {reader.email: 1 for reader in readers}


def test_runs_side_by_side_never_send_the_same_row(server, edition, settings):
    settings.NEWSLETTER_BATCH_SIZE = 3
    readers = SubscriberFactory.create_batch(8)
    Edition.objects.filter(pk=edition.pk).update(status=Edition.Status.SENDING)
    edition.refresh_from_db()
    sending.edition_queue_deliveries(edition=edition)
    other_run = sending._claim_batch(edition)  # another worker took a batch and is sending
    assert sending.edition_deliver(edition=edition) is False  # its rows are still out
    assert len(server.sent) == 5
    renderer = EditionRenderer(edition, list(edition.stories()))
    sending._send_batch(edition, other_run, renderer)
    assert sending.edition_deliver(edition=edition) is True
    assert recipients(server.sent) == {reader.email: 1 for reader in readers}
    edition.refresh_from_db()
    assert edition.status == Edition.Status.SENT


def test_a_permanent_refusal_marks_that_delivery_failed_and_goes_on(server, edition):
    good = SubscriberFactory(email="good@example.com")
    SubscriberFactory(email="nobody@example.com")
    server.fail = lambda message, count: (
        smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"No such user")})
        if message.to[0] == "nobody@example.com"
        else None
    )
    edition.status = Edition.Status.SENDING
    edition.save()
    assert sending.edition_deliver(edition=edition) is True
    assert recipients(server.sent) == {good.email: 1}
    failed = Delivery.objects.get(status=Delivery.Status.FAILED)
    assert failed.subscriber.email == "nobody@example.com" and "No such user" in failed.error


def test_transient_failures_are_retried_later_with_backoff(server, edition, settings):
    """With a backend that can defer (any real queue), the rest is re-queued for later."""
    SubscriberFactory.create_batch(2)
    settings.TASKS = DUMMY
    server.fail = lambda message, count: smtplib.SMTPDataError(451, b"Try again later")
    Edition.objects.filter(pk=edition.pk).update(status=Edition.Status.SENDING)
    result = sending.deliver_edition.call(edition.pk)
    assert result == "retrying"
    (retry,) = default_task_backend.results
    assert retry.args == [edition.pk, 1]
    assert retry.task.run_after > timezone.now() + timedelta(seconds=25)
    assert editions.edition_progress(edition=edition)["queued"] == 2


def test_the_task_backend_is_chosen_by_settings_alone(edition, mailoutbox, settings, committed):
    SubscriberFactory()
    settings.TASKS = DUMMY
    with committed():
        editions.edition_send(edition=edition)
    assert mailoutbox == []
    (queued,) = default_task_backend.results
    assert queued.task.name == "deliver_edition" and queued.task.queue_name == "email"

    settings.TASKS = {
        "default": {
            "BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
            "QUEUES": ["default", "email"],
        }
    }
    edition.refresh_from_db()
    with committed():
        editions.edition_send(edition=edition)
    assert len(mailoutbox) == 1


def test_scheduling_queues_the_send_for_its_time(edition, settings, committed):
    settings.TASKS = DUMMY
    when = timezone.now() + timedelta(hours=3)
    with committed():
        editions.edition_send(edition=edition, when=when)
    edition.refresh_from_db()
    assert edition.status == Edition.Status.SCHEDULED
    (queued,) = default_task_backend.results
    assert queued.task.run_after == when


def test_a_task_for_an_unscheduled_edition_sends_nothing(edition, mailoutbox):
    SubscriberFactory()
    assert sending.deliver_edition.call(edition.pk) == "sent"  # a draft: nothing to do
    assert mailoutbox == []


def test_sending_query_count_is_per_message_not_per_list(
    server, edition, django_assert_max_num_queries
):
    SubscriberFactory.create_batch(20)
    edition.status = Edition.Status.SENDING
    edition.save()
    with django_assert_max_num_queries(20 + 20):
        sending.edition_deliver(edition=edition)
    assert len(server.sent) == 20


def test_send_a_test_to_me(edition, mailoutbox):
    editions.edition_send_test(edition=edition, email="editor@example.com")
    (message,) = mailoutbox
    assert message.subject == f"[Test] {edition.subject}"
    assert not Delivery.objects.exists()
    assert mail.outbox[0].to == ["editor@example.com"]


@pytest.mark.parametrize("status", sorted(subscribers.NEVER_MAIL))
def test_no_test_send_to_a_bounced_or_complained_address(edition, mailoutbox, status):
    SubscriberFactory(email="editor@example.com", status=status)
    assert editions.edition_send_test(edition=edition, email="Editor@EXAMPLE.com ") is False
    assert mailoutbox == []


def test_an_announcement_without_stories_is_sent_with_its_intro(mailoutbox, committed):
    edition = EditionFactory(intro="We have moved to a new address.")
    SubscriberFactory()
    with committed():
        editions.edition_send(edition=edition)
    (message,) = mailoutbox
    assert "We have moved" in message.body


def test_several_senders_can_share_an_edition(edition, settings, committed):
    settings.TASKS = DUMMY
    settings.NEWSLETTER_SENDERS = 3
    with committed():
        editions.edition_send(edition=edition)
    assert [result.task.name for result in default_task_backend.results] == ["deliver_edition"] * 3


def test_the_worker_sends_a_scheduled_edition_only_when_due(edition, mailoutbox, settings):
    SubscriberFactory()
    settings.TASKS = DUMMY
    editions.edition_send(edition=edition, when=timezone.now() + timedelta(hours=1))
    assert sending.deliver_edition.call(edition.pk) == "not due"
    assert mailoutbox == []
    with time_machine.travel(timezone.now() + timedelta(hours=1, minutes=1)):
        assert sending.deliver_edition.call(edition.pk) == "sent"
    assert len(mailoutbox) == 1


def test_one_message_that_cannot_be_sent_does_not_hold_up_the_edition(server, edition, caplog):
    # Neither the server's mood nor a refused address: this one message is broken.
    SubscriberFactory(email="first@example.com")
    SubscriberFactory(email="broken@example.com")
    SubscriberFactory(email="last@example.com")
    server.fail = lambda message, count: (
        LookupError("unknown encoding: x-broken") if message.to[0] == "broken@example.com" else None
    )
    edition.status = Edition.Status.SENDING
    edition.save()
    assert sending.edition_deliver(edition=edition) is True
    assert recipients(server.sent) == {"first@example.com": 1, "last@example.com": 1}
    failed = Delivery.objects.get(status=Delivery.Status.FAILED)
    assert failed.subscriber.email == "broken@example.com"
    assert failed.error == "LookupError: unknown encoding: x-broken"
    edition.refresh_from_db()
    assert edition.status == Edition.Status.SENT
    assert "failed for good" in caplog.text


def test_a_digest_whose_email_for_some_readers_fails_to_render_still_reaches_the_rest(
    server, settings
):
    # One topic's stories break the template (say, bad data in a story): readers of that topic
    # are marked failed with the reason, everyone else gets the digest.
    settings.TEMPLATES = [
        {
            **settings.TEMPLATES[0],
            "APP_DIRS": False,
            "OPTIONS": {
                **settings.TEMPLATES[0]["OPTIONS"],
                "loaders": [
                    (
                        "django.template.loaders.locmem.Loader",
                        {
                            "newsletter/email/edition.txt": (
                                "{% for story in stories %}{{ story.title }}"
                                "{% if 'Space' in story.category %}{% url 'no-such-page' %}"
                                "{% endif %}{% endfor %}"
                            ),
                        },
                    ),
                    "django.template.loaders.filesystem.Loader",
                    "django.template.loaders.app_directories.Loader",
                ],
            },
        }
    ]
    health, space = CategoryFactory(name="Health"), CategoryFactory(name="Space")
    edition = EditionFactory(
        kind=Edition.Kind.DAILY,
        status=Edition.Status.SENDING,
        stories=[ArticleFactory(category=health), ArticleFactory(category=space)],
    )
    SubscriberFactory(email="health@example.com", categories=[health])
    SubscriberFactory(email="space@example.com", categories=[space])
    assert sending.edition_deliver(edition=edition) is True
    assert recipients(server.sent) == {"health@example.com": 1}
    failed = Delivery.objects.get(status=Delivery.Status.FAILED)
    assert failed.subscriber.email == "space@example.com" and "NoReverseMatch" in failed.error


@pytest.mark.parametrize("subject", ["Good news\r\nBcc: everyone@example.com", "Form\x0cfeed"])
def test_a_subject_that_is_not_one_line_is_refused_by_the_service(mailoutbox, subject):
    edition = EditionFactory(subject=subject, stories=[ArticleFactory()])
    with pytest.raises(editions.EditionError, match="single line"):
        editions.edition_send_test(edition=edition, email="editor@example.com")
    with pytest.raises(editions.EditionError, match="single line"):
        editions.edition_send(edition=edition)
    edition.refresh_from_db()
    assert edition.status == Edition.Status.DRAFT and mailoutbox == []


def test_queueing_again_adds_only_who_is_missing(edition, django_assert_num_queries):
    SubscriberFactory.create_batch(3)
    sending.edition_queue_deliveries(edition=edition)
    late = SubscriberFactory()
    sending.edition_queue_deliveries(edition=edition)
    assert Delivery.objects.filter(edition=edition).count() == 4
    assert Delivery.objects.filter(edition=edition, subscriber=late).exists()
    # Another worker's run of the same send: one INSERT ... SELECT that finds nobody missing.
    with django_assert_num_queries(2):  # the edition's categories, then the recipients
        sending.edition_queue_deliveries(edition=edition)


def test_who_left_or_paused_after_the_queueing_is_skipped_not_mailed(server, edition):
    staying, leaving, pausing = SubscriberFactory.create_batch(3)
    Edition.objects.filter(pk=edition.pk).update(status=Edition.Status.SENDING)
    edition.refresh_from_db()
    sending.edition_queue_deliveries(edition=edition)
    subscribers.subscriber_unsubscribe(subscriber=leaving)
    Subscriber.objects.filter(pk=pausing.pk).update(paused_until=timezone.now() + timedelta(days=1))
    assert sending.edition_deliver(edition=edition) is True
    assert recipients(server.sent) == {staying.email: 1}
    skipped = Delivery.objects.filter(edition=edition, status=Delivery.Status.SKIPPED)
    assert set(skipped.values_list("subscriber", flat=True)) == {leaving.pk, pausing.pk}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's synchronous_commit")
def test_records_commit_without_waiting_for_the_disk_only_while_a_batch_goes_out(server, edition):
    def durability():
        with connection.cursor() as cursor:
            cursor.execute("SHOW synchronous_commit")
            return cursor.fetchone()[0]

    SubscriberFactory.create_batch(2)
    Edition.objects.filter(pk=edition.pk).update(status=Edition.Status.SENDING)
    edition.refresh_from_db()
    during = []
    server.fail = lambda message, count: during.append(durability())
    assert sending.edition_deliver(edition=edition) is True
    assert during == ["off", "off"]
    assert durability() == "on"  # the worker's next task, on the same connection
