"""The production settings with a short sending lease, for the worker killed mid-batch."""

from datetime import timedelta

from newsroom.settings import *  # noqa: F403

NEWSLETTER_SEND_LEASE = timedelta(seconds=2)
NEWSLETTER_BATCH_SIZE = 5
