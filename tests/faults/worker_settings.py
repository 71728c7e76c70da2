"""The production settings for the fault tests' child processes: a short sending lease, and
static files without collectstatic's manifest."""

from datetime import timedelta

from newsroom.settings import *  # noqa: F403

NEWSLETTER_SEND_LEASE = timedelta(seconds=2)
NEWSLETTER_BATCH_SIZE = 5
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
