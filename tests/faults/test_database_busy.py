"""
The database is busy (on SQLite, another connection holds the write lock past the busy timeout):
a signup is clearly refused with a 503 asking to try again, and nothing half-stored.
"""

import sqlite3
import time

import pytest
from django.core import signing
from django.core.cache import cache
from django.db import OperationalError, connection
from django.test import Client

from newsletter.models import Subscriber
from newsletter.tokens import FORM_SALT
from tests.faults.conftest import manage, site_env

pytestmark = pytest.mark.django_db


def locked(execute, sql, params, many, context):
    # What SQLite raises once its busy timeout has passed with another writer holding the lock.
    if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
        raise OperationalError("database is locked")
    return execute(sql, params, many, context)


@pytest.fixture
def form():
    cache.clear()  # the rate limits count per address
    return {
        "email": "new@example.com",
        "form_token": signing.dumps(time.time() - 10, salt=FORM_SALT),
    }


@pytest.mark.parametrize(
    "url, headers",
    [
        ("/newsletter/subscribe/", {"origin": "https://news.example.org"}),
        ("/newsletter/", {}),
    ],
)
def test_a_signup_while_the_database_is_locked_asks_to_try_again(settings, form, url, headers):
    settings.SITE_URL = "https://news.example.org"
    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(locked):
        response = client.post(url, form, headers=headers)
        as_json = client.post(url, form, headers={**headers, "accept": "application/json"})
    assert response.status_code == 503
    assert response["Retry-After"]
    assert b"try again" in response.content
    assert as_json.status_code == 503 and as_json.json()["retry"] is True
    assert not Subscriber.objects.exists()
    # Once the lock is gone, the same form goes through.
    assert client.post(url, form, headers=headers).status_code == 200


def test_a_new_link_request_while_the_database_is_locked_asks_to_try_again():
    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(locked):
        response = client.post("/newsletter/new-link/", {"email": "reader@example.com"})
    assert response.status_code == 503


SIGNUP = """
import time
from django.core import signing
from django.test import Client
from newsletter.tokens import FORM_SALT
token = signing.dumps(time.time() - 10, salt=FORM_SALT)
form = {"email": "locked@example.com", "form_token": token}
print(Client().post("/newsletter/", form, secure=True).status_code)
"""
COUNT = """
from django_tasks_db.models import DBTaskResult
print(DBTaskResult.objects.filter(args_kwargs__kwargs__email="locked@example.com").count())
"""


def test_a_real_write_lock_held_by_another_connection(site_dir):
    """Another process holds SQLite's write lock past the busy timeout, then lets go."""
    env = site_env(site_dir, SQLITE_BUSY_TIMEOUT="1")
    holder = sqlite3.connect(site_dir / "newsroom.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        refused = manage(env, "shell", "-c", SIGNUP, text=True).stdout.split()[-1]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert refused == "503"
    assert manage(env, "shell", "-c", COUNT, text=True).stdout.split()[-1] == "0"
    assert manage(env, "shell", "-c", SIGNUP, text=True).stdout.split()[-1] == "200"
    assert manage(env, "shell", "-c", COUNT, text=True).stdout.split()[-1] == "1"


def test_sqlite_waits_for_a_lock_before_giving_up(settings):
    options = settings.DATABASES["default"].get("OPTIONS", {})
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("SQLite only")
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5
