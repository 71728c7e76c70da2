"""
The production settings for tests that run commands and workers in their own processes: static
files without collectstatic, and email written to files by a backend that holds a send until the
test lets it go on.
"""

from newsroom.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MAILERS = {
    "default": {
        "BACKEND": "tests.newsroom.slow_mail.HeldEmailBackend",
        "OPTIONS": {"file_path": str(DATA_DIR / "mail")},  # noqa: F405
    }
}
