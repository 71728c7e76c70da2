"""Email services report bounces and complaints through django-anymail's tracking webhooks."""

from anymail.signals import tracking
from django.dispatch import receiver

from newsletter import subscribers
from newsletter.models import Subscriber

SUPPRESSING_EVENTS = {
    "bounced": Subscriber.Status.BOUNCED,
    "rejected": Subscriber.Status.BOUNCED,
    "complained": Subscriber.Status.COMPLAINED,
}


@receiver(tracking, dispatch_uid="newsletter.tracking")
def suppress_on_bounce(sender, event, esp_name, **kwargs):
    if event.recipient and event.event_type in SUPPRESSING_EVENTS:
        subscribers.subscriber_suppress(
            email=event.recipient, status=SUPPRESSING_EVENTS[event.event_type]
        )
    elif event.recipient and event.event_type == "unsubscribed":
        for subscriber in Subscriber.objects.filter(email__iexact=event.recipient):
            subscribers.subscriber_unsubscribe(subscriber=subscriber)
