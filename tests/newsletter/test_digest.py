from datetime import datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from newsletter import editions
from newsletter.models import Edition, Subscriber
from tests.factories import ArticleFactory, CategoryFactory
from tests.newsletter.factories import EditionFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def story(hours_ago, **fields):
    return ArticleFactory(published_at=timezone.now() - timedelta(hours=hours_ago), **fields)


def test_the_daily_digest_holds_the_stories_since_the_last_one(mailoutbox, committed):
    old = story(30)
    new = [story(2), story(5)]
    scheduled = story(-2)
    ArticleFactory(status="draft", published_at=None)
    SubscriberFactory()
    with committed():
        edition = editions.digest_compose()
    assert edition.kind == Edition.Kind.DAILY
    assert set(edition.stories()) == set(new)
    assert old not in edition.stories()
    assert len(mailoutbox) == 1

    with time_machine.travel(timezone.now() + timedelta(days=1)):
        newer = story(1)
        with committed():
            second = editions.digest_compose()
        # The story scheduled for later went out in the meantime: it is in the next digest.
        assert set(second.stories()) == {newer, scheduled}


def test_composing_twice_in_a_day_does_nothing_more(committed):
    story(1)
    with committed():
        assert editions.digest_compose() is not None
    story(0.5)
    assert editions.digest_compose() is None
    assert Edition.objects.count() == 1


def test_no_new_stories_no_digest():
    story(48)
    assert editions.digest_compose() is None
    assert not Edition.objects.exists()


def test_each_subscriber_gets_only_the_categories_chosen(mailoutbox, committed):
    health, nature = CategoryFactory(name="Health"), CategoryFactory(name="Nature")
    story(1, category=health, title="Health news")
    story(2, category=nature, title="Nature news")
    SubscriberFactory(email="health@example.com", categories=[health])
    SubscriberFactory(email="all@example.com")
    SubscriberFactory(email="weekly@example.com", frequency=Subscriber.Frequency.WEEKLY)
    SubscriberFactory(email="space@example.com", categories=[CategoryFactory(name="Space")])
    with committed():
        editions.digest_compose()
    bodies = {message.to[0]: message.body for message in mailoutbox}
    assert set(bodies) == {"health@example.com", "all@example.com"}
    assert "Health news" in bodies["health@example.com"]
    assert "Nature news" not in bodies["health@example.com"]
    assert "Nature news" in bodies["all@example.com"]


def test_the_weekly_digest_goes_to_weekly_subscribers(mailoutbox, committed):
    story(50)
    story(100)
    SubscriberFactory(email="daily@example.com")
    SubscriberFactory(email="weekly@example.com", frequency=Subscriber.Frequency.WEEKLY)
    with committed():
        edition = editions.digest_compose(weekly=True)
    assert edition.stories().count() == 2
    assert [message.to for message in mailoutbox] == [["weekly@example.com"]]


def test_digests_can_wait_for_an_editors_approval(settings, mailoutbox, committed):
    settings.NEWSLETTER_DIGEST_APPROVAL = True
    story(1)
    SubscriberFactory()
    with committed():
        edition = editions.digest_compose()
    assert edition.status == Edition.Status.AWAITING_APPROVAL
    assert mailoutbox == []
    with committed():
        editions.edition_send(edition=edition)
    assert len(mailoutbox) == 1


def test_compose_digest_command(mailoutbox, committed):
    story(1)
    SubscriberFactory()
    call_command("compose_digest", "--dry-run", stdout=(out := __import__("io").StringIO()))
    assert "Would compose" in out.getvalue() and not Edition.objects.exists()
    with committed():
        call_command("compose_digest", stdout=(out := __import__("io").StringIO()))
    assert "Composed" in out.getvalue() and Edition.objects.count() == 1
    assert len(mailoutbox) == 1
    call_command("compose_digest", stdout=(out := __import__("io").StringIO()))
    assert "Nothing to compose" in out.getvalue()


def at(text):
    """A moment in the site's time zone (Europe/London), e.g. "2026-06-03 07:30"."""
    return timezone.make_aware(datetime.fromisoformat(text))


@pytest.mark.parametrize(
    ("first", "second", "digests"),
    [
        ("2026-06-03 07:30", "2026-06-03 23:50", 1),  # both after Wednesday's 07:00
        ("2026-06-03 06:30", "2026-06-03 07:30", 2),  # Tuesday's, then Wednesday's
        ("2026-06-03 07:00", "2026-06-04 07:00", 2),
    ],
)
def test_one_daily_digest_per_due_time(settings, first, second, digests):
    settings.NEWSLETTER_DAILY_DIGEST_HOUR = 7
    for moment in (first, second):
        with time_machine.travel(at(moment), tick=False):
            story(0.1)
            editions.digest_compose()
    assert Edition.objects.count() == digests


def test_one_weekly_digest_per_week_from_the_chosen_weekday(settings):
    settings.NEWSLETTER_DAILY_DIGEST_HOUR = 7
    settings.NEWSLETTER_WEEKLY_DIGEST_WEEKDAY = 0  # Monday
    for moment in ("2026-06-01 08:00", "2026-06-05 08:00", "2026-06-08 06:00", "2026-06-08 07:05"):
        with time_machine.travel(at(moment), tick=False):
            story(0.1)
            editions.digest_compose(weekly=True)
    due = Edition.objects.order_by("due_at").values_list("due_at", flat=True)
    assert [timezone.localtime(moment) for moment in due] == [
        at("2026-06-01 07:00"),
        at("2026-06-08 07:00"),
    ]


def test_the_database_keeps_one_digest_per_due_time():
    due = editions.digest_due_at()
    Edition.objects.create(kind=Edition.Kind.DAILY, subject="A", due_at=due)
    with pytest.raises(IntegrityError), transaction.atomic():
        Edition.objects.create(kind=Edition.Kind.DAILY, subject="B", due_at=due)
    Edition.objects.create(kind=Edition.Kind.WEEKLY, subject="C", due_at=due)
    Edition.objects.create(subject="Two editions", due_at=None)
    Edition.objects.create(subject="the same day", due_at=None)


def test_a_run_beside_another_that_composed_first_composes_nothing(mailoutbox, committed):
    # The other run (cron, a second task chain) committed this period's digest just after this
    # one read the last digest: the database refuses the second, and nobody is mailed twice.
    story(1)
    SubscriberFactory()
    Edition.objects.create(
        kind=Edition.Kind.DAILY,
        subject="Composed beside us",
        status=Edition.Status.SENT,
        due_at=editions.digest_due_at(),
        period_end=timezone.now() - timedelta(days=2),
    )
    with committed():
        assert editions.digest_compose() is None
    assert Edition.objects.count() == 1
    assert mailoutbox == []


def test_a_digest_never_approved_is_superseded_by_the_next_with_its_stories(
    settings, mailoutbox, committed
):
    settings.NEWSLETTER_DIGEST_APPROVAL = True
    SubscriberFactory()
    monday = story(2, title="Monday's good news")
    with committed():
        held = editions.digest_compose()
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        tuesday = story(1, title="Tuesday's good news")
        with committed():
            later = editions.digest_compose()
        assert set(later.stories()) == {monday, tuesday}
        held.refresh_from_db()
        assert held.status == Edition.Status.SUPERSEDED
        # Approving the old one now sends nothing: its stories are in the later digest.
        with committed():
            with pytest.raises(editions.EditionError, match="superseded by a later digest"):
                editions.edition_send(edition=held)
            editions.edition_send(edition=later)
    held.refresh_from_db()
    assert held.status == Edition.Status.SUPERSEDED
    assert [message.subject for message in mailoutbox] == [later.subject]
    assert "Monday's good news" in mailoutbox[0].body


def test_an_approved_digest_is_where_the_next_one_starts(settings, committed):
    settings.NEWSLETTER_DIGEST_APPROVAL = True
    story(2)
    with committed():
        editions.edition_send(edition=editions.digest_compose())
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        tuesday = story(1)
        assert set(editions.digest_compose().stories()) == {tuesday}
    assert not Edition.objects.filter(status=Edition.Status.SUPERSEDED).exists()


@pytest.mark.parametrize("action", ["send_now", "schedule"])
def test_the_admin_does_not_send_a_superseded_digest(admin_client, mailoutbox, committed, action):
    SubscriberFactory()
    edition = EditionFactory(
        kind=Edition.Kind.DAILY,
        status=Edition.Status.SUPERSEDED,
        scheduled_at=timezone.now() + timedelta(hours=1),
        stories=[story(1)],
    )
    with committed():
        response = admin_client.post(
            reverse("admin:newsletter_edition_changelist"),
            {"action": action, "_selected_action": [edition.pk]},
            follow=True,
        )
    assert "superseded by a later digest" in response.text
    assert "is queued" not in response.text and "is scheduled" not in response.text
    edition.refresh_from_db()
    assert edition.status == Edition.Status.SUPERSEDED
    assert mailoutbox == []
