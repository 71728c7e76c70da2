"""The site keeps serving, uncached, while Redis is down (newsroom/redis_cache.py)."""

import time
from unittest import mock

import pytest
import redis
from django.core import signing
from django.core.cache import cache
from django.urls import reverse

from newsletter.models import Subscriber
from newsletter.tokens import FORM_SALT
from tests.factories import ArticleFactory
from tests.newsroom.test_health import UNREACHABLE_REDIS

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_down(settings):
    settings.CACHES = UNREACHABLE_REDIS
    settings.PAGE_CACHE_SECONDS = 300


def test_pages_render_uncached_while_redis_is_down(client, redis_down):
    article = ArticleFactory()
    for url in ["/", article.get_absolute_url(), article.category.get_absolute_url(), "/feed/rss/"]:
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200, url
            assert response["X-Cache"] == "miss"


def test_an_outage_costs_one_connection_attempt_then_none_for_a_while(redis_down):
    start = time.perf_counter()
    assert cache.get("anything", "default") == "default"
    assert cache.add("key", 1) is True  # an empty cache that forgets at once
    assert cache.get("key") is None
    with pytest.raises(ValueError):
        cache.incr("key")
    assert cache.get_many(["a", "b"]) == {}
    assert cache.delete("key") is False
    assert cache._down_until > 0
    assert time.perf_counter() - start < 2  # never a timeout per call


def test_signups_work_and_the_rate_limit_fails_open(client, settings, redis_down, mailoutbox):
    settings.TASKS = {
        "default": {
            "BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
            "QUEUES": ["default", "email"],
        }
    }
    settings.SITE_URL = "https://news.example.org"
    settings.NEWSLETTER_RATE_LIMIT_IP = (2, 3600)
    token = signing.dumps(time.time() - 10, salt=FORM_SALT)
    statuses = []
    for i in range(4):
        data = {"email": f"r{i}@example.com", "form_token": token, "source": "/", "website": ""}
        response = client.post(
            reverse("newsletter:subscribe"), data, HTTP_ORIGIN="https://news.example.org"
        )
        statuses.append(response.status_code)
    # Without the cache the limit cannot count: it lets signups through rather than refuse all.
    assert statuses == [200] * 4
    assert Subscriber.objects.count() == 4


def test_redis_cache_in_production_caches_pages(client, settings, redis_cache):
    settings.CACHES = {
        "default": {
            **settings.CACHES["default"],
            "BACKEND": UNREACHABLE_REDIS["default"]["BACKEND"],
        }
    }
    settings.PAGE_CACHE_SECONDS = 300
    article = ArticleFactory()
    assert client.get(article.get_absolute_url())["X-Cache"] == "miss"
    assert client.get(article.get_absolute_url())["X-Cache"] == "hit"


def test_the_cache_makes_one_redis_client_not_one_a_command(settings, redis_cache):
    settings.CACHES = {
        "default": {
            **settings.CACHES["default"],
            "BACKEND": UNREACHABLE_REDIS["default"]["BACKEND"],
        }
    }
    cache.set("key", "value")
    with mock.patch.object(redis.Redis, "__init__", side_effect=AssertionError) as new_client:
        for _ in range(3):
            assert cache.get("key") == "value"
        cache.set_many({"a": 1, "b": 2})
        assert cache.get_many(["a", "b"]) == {"a": 1, "b": 2}
    new_client.assert_not_called()
