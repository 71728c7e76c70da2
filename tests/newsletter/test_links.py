from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.site import site_chrome
from newsletter.models import Subscriber
from newsletter.tokens import confirm_token, manage_token
from tests.factories import CategoryFactory
from tests.newsletter.factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def confirm_url(subscriber):
    return reverse("newsletter:confirm", kwargs={"token": confirm_token(subscriber)})


def unsubscribe_url(subscriber):
    return reverse("newsletter:unsubscribe", kwargs={"token": manage_token(subscriber)})


def preferences_url(subscriber):
    return reverse("newsletter:preferences", kwargs={"token": manage_token(subscriber)})


@pytest.fixture
def pending():
    return SubscriberFactory(status=Subscriber.Status.PENDING, confirmed_at=None)


def test_following_the_confirmation_link_subscribes_and_welcomes(client, pending):
    response = client.get(confirm_url(pending))
    assert response.status_code == 200
    assert "Welcome" in response.content.decode()
    assert f'href="/newsletter/preferences/{pending.key.hex}:' in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == Subscriber.Status.SUBSCRIBED
    assert pending.confirmed_at is not None


def test_an_expired_confirmation_link_offers_a_new_one(client, pending):
    url = confirm_url(pending)
    with time_machine.travel(timezone.now() + timedelta(days=4)):
        response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 400
    assert "This link has expired" in html and "Send me a new link" in html
    pending.refresh_from_db()
    assert pending.status == Subscriber.Status.PENDING


@pytest.mark.parametrize(
    "mangle",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token: "x" + token,
        lambda token: "nonsense",
        lambda token: "%00%ff" * 50,
        lambda token: token.split(":")[0],
    ],
)
def test_tampered_or_malformed_tokens_get_a_clear_page(client, pending, mangle):
    token = confirm_token(pending)
    for name in ["confirm", "unsubscribe", "preferences"]:
        response = client.get(f"/newsletter/{name}/{mangle(token)}/")
        assert response.status_code == 400
        assert "This link doesn't work" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == Subscriber.Status.PENDING


def test_a_confirmation_token_is_no_unsubscribe_token(client):
    subscriber = SubscriberFactory()
    url = reverse("newsletter:unsubscribe", kwargs={"token": confirm_token(subscriber)})
    assert client.post(url).status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.SUBSCRIBED


def test_an_old_confirmation_link_does_not_resubscribe_someone_who_left(client):
    gone = SubscriberFactory(status=Subscriber.Status.UNSUBSCRIBED)
    response = client.get(confirm_url(gone))
    assert response.status_code == 400
    gone.refresh_from_db()
    assert gone.status == Subscriber.Status.UNSUBSCRIBED


def test_unsubscribe_get_only_asks(client):
    subscriber = SubscriberFactory()
    response = client.get(unsubscribe_url(subscriber))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Unsubscribe</button>" in html and "Just the weekly digest" in html
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.SUBSCRIBED


def test_one_click_post_unsubscribes_at_once_without_redirect():
    subscriber = SubscriberFactory()
    mail_provider = Client(enforce_csrf_checks=True)
    response = mail_provider.post(
        unsubscribe_url(subscriber),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert "You're unsubscribed" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None


def test_unsubscribe_links_in_old_emails_keep_working(client):
    subscriber = SubscriberFactory()
    url = unsubscribe_url(subscriber)
    with time_machine.travel(timezone.now() + timedelta(days=800)):
        assert client.post(url).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_the_unsubscribe_page_offers_the_weekly_digest_instead(client):
    subscriber = SubscriberFactory()
    response = client.post(preferences_url(subscriber), {"action": "weekly"})
    assert "one digest a week" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.frequency == Subscriber.Frequency.WEEKLY
    assert subscriber.status == Subscriber.Status.SUBSCRIBED


def test_preferences_choose_categories_and_frequency(client):
    CategoryFactory(name="Health")
    nature = CategoryFactory(name="Nature")
    subscriber = SubscriberFactory()
    page = client.get(preferences_url(subscriber)).content.decode()
    assert "Health" in page and "Nature" in page and "Pause" in page and "Unsubscribe" in page
    response = client.post(
        preferences_url(subscriber),
        {"action": "save", "categories": [nature.pk], "frequency": "weekly"},
    )
    assert "Your choices are saved" in response.content.decode()
    subscriber.refresh_from_db()
    assert list(subscriber.categories.all()) == [nature]
    assert subscriber.frequency == "weekly"


def test_preferences_reject_bad_input_with_a_message(client):
    subscriber = SubscriberFactory()
    response = client.post(
        preferences_url(subscriber),
        {"action": "save", "categories": ["999", "9" * 30], "frequency": "x"},
    )
    assert response.status_code == 400
    assert "errorlist" in response.content.decode()
    bad_pause = client.post(preferences_url(subscriber), {"action": "pause", "days": "-5"})
    assert bad_pause.status_code == 400


def test_pausing_stops_emails_for_a_while(client):
    subscriber = SubscriberFactory()
    client.post(preferences_url(subscriber), {"action": "pause", "days": "30"})
    assert not Subscriber.objects.active().filter(pk=subscriber.pk).exists()
    with time_machine.travel(timezone.now() + timedelta(days=31)):
        assert Subscriber.objects.active().filter(pk=subscriber.pk).exists()
    client.post(preferences_url(subscriber), {"action": "pause", "days": "0"})
    assert Subscriber.objects.active().filter(pk=subscriber.pk).exists()


def test_an_expired_preferences_link_leads_to_a_new_one(client, mailoutbox, committed):
    subscriber = SubscriberFactory(email="back@example.com")
    url = preferences_url(subscriber)
    with time_machine.travel(timezone.now() + timedelta(days=400)):
        response = client.get(url)
    assert response.status_code == 400 and "This link has expired" in response.content.decode()
    with committed():
        response = client.post(reverse("newsletter:new_link"), {"email": "back@example.com"})
    assert "a new link is on its way" in response.content.decode()
    (message,) = mailoutbox
    assert "https://news.example.org/newsletter/preferences/" in message.body


def test_asking_for_a_new_link_reveals_nothing(client, mailoutbox, committed):
    SubscriberFactory(email="known@example.com")
    with committed():
        known = client.post(reverse("newsletter:new_link"), {"email": "known@example.com"})
        unknown = client.post(reverse("newsletter:new_link"), {"email": "who@example.com"})
    assert known.content == unknown.content
    assert [m.to for m in mailoutbox] == [["known@example.com"]]


def test_asking_for_a_new_link_does_the_same_work_for_any_address(client, settings, committed):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["email"]}
    }
    SubscriberFactory(email="known@example.com")
    site_chrome()  # The site's header and footer are cached once for every visitor.
    work = []
    for email in ["known@example.com", "who@example.com"]:
        with CaptureQueriesContext(connection) as queries, committed():
            client.post(reverse("newsletter:new_link"), {"email": email})
        work.append(len(queries))
    assert work[0] == work[1]


def test_link_pages_query_count(client, django_assert_max_num_queries):
    subscriber = SubscriberFactory()
    with django_assert_max_num_queries(8):
        client.get(preferences_url(subscriber))


def test_a_new_link_for_a_pending_address_resends_the_confirmation_and_keeps_consent(
    client, mailoutbox, committed
):
    pending = SubscriberFactory(
        email="wait@example.com",
        status=Subscriber.Status.PENDING,
        consent_text="Original wording",
        confirmation_sent_at=timezone.now() - timedelta(hours=1),
    )
    with committed():
        client.post(reverse("newsletter:new_link"), {"email": "wait@example.com"})
    (message,) = mailoutbox
    assert "/newsletter/confirm/" in message.body
    pending.refresh_from_db()
    assert pending.consent_text == "Original wording"
