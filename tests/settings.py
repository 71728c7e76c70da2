"""Settings for the test suite: the real settings with test speed-ups."""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-secret-key")
os.environ.setdefault("NEWSROOM_DATA_DIR", tempfile.mkdtemp(prefix="newsroom-tests-"))
if worker := os.environ.get("PYTEST_XDIST_WORKER"):
    # Each of pytest-xdist's workers keeps its media, mail and static files to itself.
    os.environ["NEWSROOM_DATA_DIR"] = os.path.join(os.environ["NEWSROOM_DATA_DIR"], worker)
    os.makedirs(os.environ["NEWSROOM_DATA_DIR"], exist_ok=True)
os.environ.pop("REDIS_URL", None)

from newsroom.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off so that tests see fresh renders; tests/articles/test_cache.py turns it on.
PAGE_CACHE_SECONDS = 0
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
# Login throttling off, or the suite's many logins would lock it out; tests/newsroom turns it on.
AXES_ENABLED = False
