import pytest
from anymail.signals import AnymailTrackingEvent, tracking

from newsletter import editions, subscribers
from newsletter.models import Subscriber
from tests.factories import ArticleFactory
from tests.newsletter.factories import EditionFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def report(event_type, recipient):
    event = AnymailTrackingEvent(event_type=event_type, recipient=recipient)
    tracking.send(sender=object, event=event, esp_name="TestESP")


@pytest.mark.parametrize(
    ("event_type", "status"),
    [
        ("bounced", Subscriber.Status.BOUNCED),
        ("complained", Subscriber.Status.COMPLAINED),
        ("unsubscribed", Subscriber.Status.UNSUBSCRIBED),
    ],
)
def test_bounces_and_complaints_stop_all_mail(event_type, status, mailoutbox, committed):
    gone = SubscriberFactory(email="gone@example.com")
    stays = SubscriberFactory(email="stays@example.com")
    report(event_type, "gone@EXAMPLE.com")
    report("delivered", "stays@example.com")
    gone.refresh_from_db()
    stays.refresh_from_db()
    assert gone.status == status
    assert stays.status == Subscriber.Status.SUBSCRIBED
    with committed():
        editions.edition_send(edition=EditionFactory(stories=[ArticleFactory()]))
        subscribers.subscriber_signup(email="gone@example.com")
    sent_to = [message.to[0] for message in mailoutbox]
    assert "gone@example.com" not in sent_to or status == Subscriber.Status.UNSUBSCRIBED
    assert sent_to.count("stays@example.com") == 1


def test_a_bounced_address_never_gets_a_confirmation_again(mailoutbox, committed):
    SubscriberFactory(email="bouncy@example.com")
    report("bounced", "bouncy@example.com")
    with committed():
        subscribers.subscriber_signup(email="bouncy@example.com")
    assert mailoutbox == []


def test_the_anymail_test_backend_carries_the_unsubscribe_headers(settings, committed):
    from django.core import mail

    settings.MAILERS = {"default": {"BACKEND": "anymail.backends.test.EmailBackend"}}
    SubscriberFactory(email="esp@example.com")
    with committed():
        editions.edition_send(edition=EditionFactory(stories=[ArticleFactory()]))
    (message,) = mail.outbox
    assert message.anymail_test_params["extra_headers"]["List-Unsubscribe-Post"] == (
        "List-Unsubscribe=One-Click"
    )
