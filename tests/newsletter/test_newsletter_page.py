"""The newsletter page sells the newsletter; the settings pages offer only what makes sense."""

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Page
from newsletter.emails import confirmation_message, preferences_url, unsubscribe_url
from newsletter.models import Edition, Subscriber
from tests.factories import CategoryFactory
from tests.newsletter.factories import EditionFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def test_the_newsletter_page_is_a_landing_page_search_engines_may_index(client):
    Page.objects.create(title="Privacy", slug="privacy", role="privacy", status="published")
    sent = EditionFactory(subject="Hedgehogs are back", status=Edition.Status.SENT)
    sent.sent_at = timezone.now()
    sent.save()
    EditionFactory(subject="Unsent draft")
    CategoryFactory(name="Health")
    html = client.get(reverse("newsletter:index")).text
    assert 'name="robots"' not in html
    assert "Hedgehogs are back" in html and "Unsent draft" not in html
    assert 'href="/privacy/">privacy policy</a>' in html
    assert 'class="choice"><input type="checkbox"' in html
    assert 'class="choice"><input type="radio"' in html


def test_personal_newsletter_pages_stay_out_of_search_engines(client):
    subscriber = SubscriberFactory()
    assert '<meta name="robots" content="noindex">' in client.get(preferences_url(subscriber)).text


def test_unsubscribe_offers_weekly_only_to_daily_readers(client):
    daily = SubscriberFactory(frequency=Subscriber.Frequency.DAILY)
    weekly = SubscriberFactory(frequency=Subscriber.Frequency.WEEKLY)
    assert "one digest a week" in client.get(unsubscribe_url(daily)).text
    html = client.get(unsubscribe_url(weekly)).text
    assert "one digest a week" not in html and "weekly digest" not in html.lower()


def test_resume_now_is_offered_only_while_paused(client):
    subscriber = SubscriberFactory()
    assert "Resume now" not in client.get(preferences_url(subscriber)).text
    subscriber.paused_until = timezone.now() + timezone.timedelta(days=10)
    subscriber.save()
    html = client.get(preferences_url(subscriber)).text
    assert "Resume now" in html
    client.post(preferences_url(subscriber), {"action": "pause", "days": "0"})
    subscriber.refresh_from_db()
    assert not subscriber.is_paused


def test_the_plain_text_confirmation_never_breaks_a_sentence():
    message = confirmation_message(SubscriberFactory(status=Subscriber.Status.PENDING))
    heading, *lines = message.body.splitlines()
    assert heading == "Please confirm your subscription"
    for line in lines:
        assert not line or line.rstrip()[-1] in ".:!?" or "://" in line or "·" in line, line
