"""The mail server goes away in the middle of a send: the rest goes out later, once each."""

from collections import Counter

import pytest

from newsletter import editions, sending
from newsletter.models import Delivery, Edition
from tests.factories import ArticleFactory
from tests.newsletter.factories import EditionFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def test_smtp_down_mid_send_resumes_later_nobody_twice_nobody_lost(smtp_sink, settings):
    settings.NEWSLETTER_BATCH_SIZE = 4
    readers = SubscriberFactory.create_batch(11)
    edition = EditionFactory(stories=[ArticleFactory()])
    edition.status = Edition.Status.SENDING
    edition.save()
    smtp_sink.down_after = 6
    with pytest.raises(sending.TransientSendError):
        sending.edition_deliver(edition=edition)
    smtp_sink.stop()  # and then it is gone altogether
    with pytest.raises(sending.TransientSendError):
        sending.edition_deliver(edition=edition)
    assert editions.edition_progress(edition=edition)["sent"] == 6
    assert not Delivery.objects.filter(status=Delivery.Status.SENDING).exists()
    smtp_sink.down_after = None
    smtp_sink.start()
    assert sending.edition_deliver(edition=edition) is True
    assert Counter(smtp_sink.received) == {reader.email: 1 for reader in readers}
    edition.refresh_from_db()
    assert edition.status == Edition.Status.SENT
    assert editions.edition_progress(edition=edition)["sent"] == 11
