import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from newsroom.email_url import parse_email_url

ROOT = Path(__file__).resolve().parents[2]


def test_smtp_url_with_starttls_and_credentials():
    mailer = parse_email_url("smtp://user%40example.com:p%40ss@mail.example.com:587?tls=1")
    assert mailer["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert mailer["OPTIONS"] == {
        "host": "mail.example.com",
        "port": 587,
        "username": "user@example.com",
        "password": "p@ss",
        "use_tls": True,
        "use_ssl": False,
        "timeout": 30,
    }


def test_smtps_url_uses_implicit_tls_on_465():
    options = parse_email_url("smtps://u:p@mail.example.com")["OPTIONS"]
    assert options["use_ssl"] is True
    assert options["port"] == 465


def test_file_and_console_urls():
    assert parse_email_url("file:///tmp/mail")["OPTIONS"] == {"file_path": "/tmp/mail"}
    assert parse_email_url("console:")["BACKEND"].endswith("console.EmailBackend")


def test_unknown_email_scheme_is_a_clear_error():
    with pytest.raises(ImproperlyConfigured, match="not supported"):
        parse_email_url("carrier-pigeon://coop")


def settings_in_subprocess(env, expression):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))}
    result = subprocess.run(
        [sys.executable, "-c", f"from newsroom import settings as s; print(({expression}))"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
    )
    return result


def test_secret_key_is_required_when_debug_is_off(tmp_path):
    result = settings_in_subprocess({"NEWSROOM_DATA_DIR": str(tmp_path)}, "s.SECRET_KEY")
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


def test_generated_key_in_data_folder_is_used(tmp_path):
    (tmp_path / "secret_key").write_text("from-the-data-folder\n")
    result = settings_in_subprocess({"NEWSROOM_DATA_DIR": str(tmp_path)}, "s.SECRET_KEY")
    assert result.stdout.strip() == "from-the-data-folder"


def test_environment_configures_database_cache_and_hosts(tmp_path):
    env = {
        "NEWSROOM_DATA_DIR": str(tmp_path),
        "DJANGO_SECRET_KEY": "x",
        "DATABASE_URL": "postgres://news:pw@db.internal:5432/newsroom",
        "REDIS_URL": "redis://127.0.0.1:6379/3",
        "DJANGO_ALLOWED_HOSTS": "news.example.org, www.news.example.org",
    }
    expression = (
        "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['HOST'], "
        "s.CACHES['default']['BACKEND'], s.ALLOWED_HOSTS, s.DEBUG"
    )
    result = settings_in_subprocess(env, expression)
    assert result.stdout.strip() == (
        "('django.db.backends.postgresql', 'db.internal', "
        "'django.core.cache.backends.redis.RedisCache', "
        "['news.example.org', 'www.news.example.org'], False)"
    )


def test_deploy_check_warns_about_a_plain_http_site_url(settings):
    from django.core.checks import run_checks

    settings.SITE_URL = "http://news.example.org"
    ids = [message.id for message in run_checks(include_deployment_checks=True)]
    assert "newsroom.W001" in ids
    settings.SITE_URL = "https://news.example.org"
    ids = [message.id for message in run_checks(include_deployment_checks=True)]
    assert "newsroom.W001" not in ids
