"""The cache (Redis in production) is down: pages come from the database, signups still work."""

import pytest
from django.test import Client

from newsletter.models import Subscriber
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

CLOSED_PORT = 8121  # nothing listens here


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            # As newsroom/settings.py configures it when REDIS_URL is set.
            "BACKEND": "newsroom.redis_cache.ForgivingRedisCache",
            "LOCATION": f"redis://127.0.0.1:{CLOSED_PORT}/4",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    settings.PAGE_CACHE_SECONDS = 300  # as in production: every public page asks the cache
    settings.SITE_URL = "https://news.example.org"


def test_pages_are_served_from_the_database(redis_down):
    story = ArticleFactory()
    client = Client(raise_request_exception=False)
    for url in ["/", story.get_absolute_url(), "/feed/rss/"]:
        assert client.get(url).status_code == 200, url


def test_signups_still_work(redis_down, settings, django_capture_on_commit_callbacks):
    import time

    from django.core import signing

    from newsletter.tokens import FORM_SALT

    settings.TASKS = {
        "default": {
            "BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
            "QUEUES": ["default", "email"],
        }
    }
    token = signing.dumps(time.time() - 10, salt=FORM_SALT)
    client = Client(raise_request_exception=False)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/newsletter/subscribe/",
            {"email": "new@example.com", "form_token": token},
            headers={"origin": "https://news.example.org"},
        )
    assert response.status_code == 200
    assert Subscriber.objects.filter(email="new@example.com").exists()
