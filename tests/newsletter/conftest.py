import functools
import time

import pytest
from django.core import signing
from django.core.cache import cache

from newsletter.tokens import FORM_SALT

IMMEDIATE = {
    "default": {
        "BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "email"],
    }
}


@pytest.fixture(autouse=True)
def _newsletter_settings(settings):
    # Tasks run at once here; one test checks the worker's backend is chosen by settings alone.
    settings.TASKS = IMMEDIATE
    settings.SITE_URL = "https://news.example.org"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def aged_token():
    """A form token issued ten seconds ago: a person who took their time."""
    return signing.dumps(time.time() - 10, salt=FORM_SALT)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs what waits for the transaction to commit, as in production."""
    return functools.partial(django_capture_on_commit_callbacks, execute=True)
