"""Throttled admin logins, a configurable admin address, staff sessions that end."""

import importlib
from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.urls import clear_url_caches, reverse

from tests.newsroom.test_settings import settings_in_subprocess

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return User.objects.create_user("ed", "ed@example.com", "right-password", is_staff=True)


def log_in(client, username, password):
    return client.post(reverse("admin:login"), {"username": username, "password": password})


def test_repeated_wrong_passwords_lock_that_login_out(client, settings, staff):
    settings.AXES_ENABLED = True
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "ed", "guess").status_code == 200  # the form again, with an error
    assert log_in(client, "ed", "guess").status_code == 429
    locked = log_in(client, "ed", "right-password")
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    # Recorded in the database, so every worker refuses it.
    assert AccessAttempt.objects.get(username="ed").failures_since_start >= 5


def test_a_lockout_ends_after_the_cool_off(client, settings, staff):
    settings.AXES_ENABLED = True
    with time_machine.travel("2026-03-01 09:00 +00:00", tick=False) as traveller:
        for _ in range(settings.AXES_FAILURE_LIMIT):
            log_in(client, "ed", "guess")
        assert log_in(client, "ed", "right-password").status_code == 429
        traveller.shift(timedelta(hours=1, minutes=1))
        assert log_in(client, "ed", "right-password").status_code == 302


def test_another_account_is_not_locked_out_by_someone_elses_guesses(client, settings, staff):
    settings.AXES_ENABLED = True
    User.objects.create_user("bo", "bo@example.com", "bos-password", is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        log_in(client, "ed", "guess")
    assert log_in(client, "bo", "bos-password").status_code == 302


@pytest.fixture
def admin_at(settings):
    def admin_at(path):
        settings.ADMIN_PATH = path
        clear_url_caches()
        importlib.reload(importlib.import_module(settings.ROOT_URLCONF))

    yield admin_at
    settings.ADMIN_PATH = "admin/"
    clear_url_caches()
    importlib.reload(importlib.import_module(settings.ROOT_URLCONF))


def test_the_admin_answers_at_its_configured_address(client, admin_at, staff):
    admin_at("newsroom-desk/")
    assert reverse("admin:index") == "/newsroom-desk/"
    assert client.get("/newsroom-desk/").status_code == 302  # to its login page
    assert client.get("/admin/").status_code == 404


def test_the_admin_address_comes_from_the_environment(tmp_path):
    env = {"NEWSROOM_DATA_DIR": str(tmp_path), "DJANGO_SECRET_KEY": "x"}
    default = settings_in_subprocess(env, "s.ADMIN_PATH")
    custom = settings_in_subprocess(env | {"DJANGO_ADMIN_PATH": "/desk"}, "s.ADMIN_PATH")
    assert (default.stdout.strip(), custom.stdout.strip()) == ("admin/", "desk/")


def test_a_staff_session_ends_with_the_browser_and_after_the_working_day(client, staff):
    with time_machine.travel("2026-03-01 09:00 +00:00", tick=False) as traveller:
        response = log_in(client, "ed", "right-password")
        assert response.status_code == 302
        cookie = response.cookies["sessionid"]
        assert not cookie["expires"] and not cookie["max-age"]  # gone when the browser closes
        assert cookie["httponly"] and cookie["samesite"] == "Lax"
        assert client.get(reverse("admin:index")).status_code == 200
        traveller.shift(timedelta(hours=9, minutes=59))
        assert client.get(reverse("admin:index")).status_code == 200
        traveller.shift(timedelta(minutes=2))
        assert client.get(reverse("admin:index"))["Location"].startswith(reverse("admin:login"))
