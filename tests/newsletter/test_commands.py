import io

import pytest
from django.core.management import CommandError, call_command

from newsletter.models import Edition
from tests.factories import ArticleFactory
from tests.newsletter.factories import EditionFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_send_edition_queues_and_the_worker_sends(mailoutbox, committed):
    edition = EditionFactory(stories=[ArticleFactory()])
    SubscriberFactory.create_batch(2)
    assert "Would queue" in run("send_edition", str(edition.pk), "--dry-run")
    assert mailoutbox == []
    with committed():
        assert "Queued" in run("send_edition", str(edition.pk))
    assert len(mailoutbox) == 2
    edition.refresh_from_db()
    assert edition.status == Edition.Status.SENT
    assert "sent already" in run("send_edition", str(edition.pk))
    assert len(mailoutbox) == 2


def test_send_edition_unknown_id():
    with pytest.raises(CommandError, match="no edition 404"):
        call_command("send_edition", "404")


def test_resume_requeues_stalled_and_due_editions(mailoutbox, committed):
    from datetime import timedelta

    from django.utils import timezone

    SubscriberFactory()
    stalled = EditionFactory(stories=[ArticleFactory()], status=Edition.Status.SENDING)
    due = EditionFactory(
        stories=[ArticleFactory()],
        status=Edition.Status.SCHEDULED,
        scheduled_at=timezone.now() - timedelta(minutes=1),
    )
    later = EditionFactory(
        status=Edition.Status.SCHEDULED, scheduled_at=timezone.now() + timedelta(days=1)
    )
    with committed():
        assert "Re-queued 2 edition(s)" in run("send_edition", "--resume")
    assert sorted(message.subject for message in mailoutbox) == sorted(
        [stalled.subject, due.subject]
    )
    later.refresh_from_db()
    assert later.status == Edition.Status.SCHEDULED
    with pytest.raises(CommandError, match="Name an edition"):
        call_command("send_edition")


def test_send_edition_refuses_an_edition_with_nothing_to_say(mailoutbox, committed):
    edition = EditionFactory(intro="", stories=[ArticleFactory(status="draft", published_at=None)])
    SubscriberFactory()
    with committed(), pytest.raises(CommandError, match="no published stories and no intro"):
        run("send_edition", str(edition.pk))
    edition.refresh_from_db()
    assert edition.status == Edition.Status.DRAFT and mailoutbox == []


def test_send_edition_refuses_a_superseded_digest(mailoutbox, committed):
    edition = EditionFactory(
        kind=Edition.Kind.DAILY, status=Edition.Status.SUPERSEDED, stories=[ArticleFactory()]
    )
    SubscriberFactory()
    with committed(), pytest.raises(CommandError, match="superseded by a later digest"):
        run("send_edition", str(edition.pk))
    assert mailoutbox == []
