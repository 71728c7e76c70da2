import os
import uuid

import pytest
import redis


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The site settings and links are cached: none may outlive the test that saved them."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def redis_cache(settings):
    """Django's cache in the machine's Redis, as in production; skipped locally without one."""
    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.ConnectionError:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"No Redis at {url}")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"newsroom-test-{uuid.uuid4().hex}",
        }
    }
    yield
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session")
def _scholarly_server():
    from tests import scholarly_stub

    server = scholarly_stub.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def scholarly_stub(_scholarly_server, settings):
    """Crossref and E-utilities answered by tests/articles/scholarly_stub.py on loopback."""
    settings.CROSSREF_API_URL = settings.EUTILS_API_URL = _scholarly_server.url
    settings.CROSSREF_MAILTO = "editors@news.example.org"
    settings.SCHOLARLY_TIMEOUT = 0.5
    _scholarly_server.requests.clear()
    from django.core.cache import cache

    cache.clear()
    return _scholarly_server
