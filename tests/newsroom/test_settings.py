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
        "'newsroom.redis_cache.ForgivingRedisCache', "
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


PRODUCTION = {
    "DJANGO_SECRET_KEY": "a-production-secret-key-that-is-long-enough-to-pass-the-deploy-check",
    "DJANGO_DEBUG": "0",
    "SITE_URL": "https://news.example.org",
    "DJANGO_ALLOWED_HOSTS": "news.example.org",
}


def manage_in_subprocess(env, *args):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))}
    clean.pop("REDIS_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "newsroom.settings", **env},
        capture_output=True,
        text=True,
    )


def test_deploy_check_passes_with_only_debug_off_and_an_https_site_url(tmp_path):
    result = manage_in_subprocess(
        {**PRODUCTION, "NEWSROOM_DATA_DIR": str(tmp_path)}, "check", "--deploy"
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_https_site_turns_on_redirect_hsts_secure_cookies_and_trusts_the_proxy(tmp_path):
    expression = (
        "s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
        "s.SECURE_HSTS_PRELOAD, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_PROXY_SSL_HEADER, s.SECURE_REDIRECT_EXEMPT, s.MAILERS['default']['OPTIONS']"
    )
    result = settings_in_subprocess({**PRODUCTION, "NEWSROOM_DATA_DIR": str(tmp_path)}, expression)
    assert result.stdout.strip() == (
        "(True, 31536000, True, True, True, True, ('HTTP_X_FORWARDED_PROTO', 'https'), "
        "['^healthz$'], {'host': 'localhost', 'port': 25, 'username': '', 'password': '', "
        "'use_tls': False, 'use_ssl': False, 'timeout': 30})"
    )


def test_each_https_setting_can_be_turned_off(tmp_path):
    env = {
        **PRODUCTION,
        "NEWSROOM_DATA_DIR": str(tmp_path),
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_HSTS_SECONDS": "0",
        "DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS": "0",
        "DJANGO_SECURE_HSTS_PRELOAD": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_SECURE_PROXY_SSL_HEADER": "off",
    }
    expression = (
        "s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
        "s.SECURE_HSTS_PRELOAD, s.SESSION_COOKIE_SECURE, s.SECURE_PROXY_SSL_HEADER"
    )
    result = settings_in_subprocess(env, expression)
    assert result.stdout.strip() == "(False, 0, False, False, False, None)"


def test_proxy_header_is_named_by_the_environment(tmp_path):
    env = {**PRODUCTION, "NEWSROOM_DATA_DIR": str(tmp_path)}
    env["DJANGO_SECURE_PROXY_SSL_HEADER"] = "X-Forwarded-Scheme"
    result = settings_in_subprocess(env, "s.SECURE_PROXY_SSL_HEADER")
    assert result.stdout.strip() == "('HTTP_X_FORWARDED_SCHEME', 'https')"


def test_plain_http_site_keeps_https_settings_off(tmp_path):
    env = {"NEWSROOM_DATA_DIR": str(tmp_path), "DJANGO_SECRET_KEY": "x"}
    expression = "s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE"
    assert settings_in_subprocess(env, expression).stdout.strip() == "(False, 0, False)"


def test_postgresql_keeps_connections_with_health_checks(tmp_path):
    env = {
        "NEWSROOM_DATA_DIR": str(tmp_path),
        "DJANGO_SECRET_KEY": "x",
        "DATABASE_URL": "postgres://news@db.internal/newsroom",
        "DATABASE_CONN_MAX_AGE": "120",
    }
    expression = (
        "s.DATABASES['default']['CONN_MAX_AGE'], s.DATABASES['default']['CONN_HEALTH_CHECKS']"
    )
    assert settings_in_subprocess(env, expression).stdout.strip() == "(120, True)"


def test_rq_task_backend_on_redis_by_settings_alone(tmp_path):
    env = {
        "NEWSROOM_DATA_DIR": str(tmp_path),
        "DJANGO_SECRET_KEY": "x",
        "REDIS_URL": "redis://127.0.0.1:6379/3",
        "TASKS_BACKEND": "rq",
    }
    expression = (
        "s.TASKS['default']['BACKEND'], s.RQ_QUEUES['email'], 'django_rq' in s.INSTALLED_APPS"
    )
    assert settings_in_subprocess(env, expression).stdout.strip() == (
        "('django_tasks_rq.RQBackend', {'URL': 'redis://127.0.0.1:6379/3'}, True)"
    )
    env["TASKS_URL"] = "redis://tasks.internal:6379/0"
    assert "tasks.internal" in settings_in_subprocess(env, "s.RQ_QUEUES['default']").stdout
    del env["REDIS_URL"], env["TASKS_URL"]
    assert "TASKS_BACKEND=rq needs TASKS_URL" in settings_in_subprocess(env, "1").stderr


def test_media_on_s3_through_django_storages(tmp_path):
    env = {
        "NEWSROOM_DATA_DIR": str(tmp_path),
        "DJANGO_SECRET_KEY": "x",
        "MEDIA_STORAGE": "s3",
        "S3_BUCKET": "newsroom-media",
        "S3_ENDPOINT_URL": "https://s3.example.org",
        "S3_CUSTOM_DOMAIN": "media.example.org",
    }
    expression = (
        "s.STORAGES['default']['BACKEND'], s.STORAGES['default']['OPTIONS']['bucket_name'], "
        "s.STORAGES['default']['OPTIONS']['object_parameters'], s.SERVE_MEDIA"
    )
    assert settings_in_subprocess(env, expression).stdout.strip() == (
        "('storages.backends.s3.S3Storage', 'newsroom-media', "
        "{'CacheControl': 'public, max-age=31536000, immutable'}, False)"
    )
    env["MEDIA_STORAGE"] = "floppy"
    assert "MEDIA_STORAGE is 'floppy'" in settings_in_subprocess(env, "1").stderr


def test_s3_storage_builds_cdn_urls(settings):
    from django.core.files.storage import storages

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": "newsroom-media",
                "custom_domain": "media.example.org",
                "location": "media",
                "querystring_auth": False,
            },
        },
    }
    storage = storages.create_storage(settings.STORAGES["default"])
    url = storage.url("renditions/articles/2026/11/reef-640.webp")
    assert url == "https://media.example.org/media/renditions/articles/2026/11/reef-640.webp"
