"""
Newsroom settings, read from environment variables (and a `.env` file when present).

Every variable is documented in `.env.example`. The defaults run the whole site on one machine:
SQLite, a local-memory cache, the database-backed task worker and email written to files.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.templatetags.static import static
from django.utils.csp import CSP
from django.utils.functional import lazy
from dotenv import load_dotenv

from newsroom.email_url import parse_email_url

BASE_DIR = Path(__file__).resolve().parent.parent
load_dotenv(BASE_DIR / ".env")


def env_bool(name, default=False):
    value = os.environ.get(name, "")
    if not value:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DATA_DIR = Path(os.environ.get("NEWSROOM_DATA_DIR") or BASE_DIR / "var")
if not DATA_DIR.is_absolute():
    DATA_DIR = BASE_DIR / DATA_DIR
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY and (DATA_DIR / "secret_key").exists():
    SECRET_KEY = (DATA_DIR / "secret_key").read_text().strip()
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=1 for local development; "
            "`make run` generates a key under the data folder)."
        )
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = os.environ.get("SITE_NAME", "Good News Daily")
SITE_DESCRIPTION = os.environ.get(
    "SITE_DESCRIPTION", "Science-based good news about health, nature, science and the planet."
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS") or [SITE_URL]

INSTALLED_APPS = [
    "newsroom.apps.NewsroomAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "taggit",
    "reversion",
    "django_prose_editor",
    "django_tasks_db",
    "axes",
    "articles",
    "newsletter",
    # Site-wide management commands (backup, restore); the project package has no models.
    "newsroom",
]

MIDDLEWARE = [
    # First: answers /healthz before the HTTPS redirect, ALLOWED_HOSTS and the page cache.
    "newsroom.health.HealthCheckMiddleware",
    # Then the page cache: a stored page carries the headers of everything below it.
    "articles.cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "articles.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'newsroom.sqlite3'}",
        # Persistent connections, checked before reuse: a restarted PostgreSQL costs one retry;
        # a kept SQLite connection keeps its page cache warm from one request to the next.
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # A writer waits this many seconds for another to finish before "database is locked".
        "timeout": int(os.environ.get("SQLITE_BUSY_TIMEOUT", "10")),
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Production profile: cache. ---
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache that acts as an empty cache while Redis is unreachable, so
            # that pages still render (uncached) and signups still work; see the module.
            "BACKEND": "newsroom.redis_cache.ForgivingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "newsroom",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Longest time a public page stays in the page cache (0 turns it off); see articles/cache.py.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))

# --- Production profile: task queue. ---
# The database queue (django-tasks-db, `manage.py db_worker`) by default; TASKS_BACKEND=rq puts
# the tasks on Redis (django-tasks-rq, `manage.py rqworker`), at TASKS_URL or else REDIS_URL.
TASK_QUEUES = ["default", "email"]
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "") or "django_tasks_db.DatabaseBackend"
if TASKS_BACKEND == "rq":
    TASKS_BACKEND = "django_tasks_rq.RQBackend"
TASKS = {"default": {"BACKEND": TASKS_BACKEND, "QUEUES": TASK_QUEUES}}
if TASKS_BACKEND == "django_tasks_rq.RQBackend":
    TASKS_URL = os.environ.get("TASKS_URL") or REDIS_URL
    if not TASKS_URL:
        raise ImproperlyConfigured("TASKS_BACKEND=rq needs TASKS_URL or REDIS_URL (redis://...).")
    INSTALLED_APPS += ["django_rq"]
    RQ_QUEUES = {name: {"URL": TASKS_URL} for name in TASK_QUEUES}
# /healthz answers 503 when a task that could run has waited longer than this, in seconds.
HEALTHZ_MAX_TASK_AGE = int(os.environ.get("HEALTHZ_MAX_TASK_AGE", "900"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
# --- Production profile: media. ---
MEDIA_URL = os.environ.get("MEDIA_URL", "media/")

# The body editor's own blocks (articles/forms.py BODY_EXTENSIONS): the embed of a video or post.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [lazy(static, str)("js/editor-embed.js")],
        "extensions": {"Embed": "articles.sanitize.editor_allowlist"},
    }
]
MEDIA_ROOT = DATA_DIR / "media"
# Uploaded media is served by Django unless a front server or object storage takes it over.
SERVE_MEDIA = env_bool("NEWSROOM_SERVE_MEDIA", default=True)
# Seconds browsers and CDNs may keep a media file Django serves: renditions and uploads get
# unique names, so a changed image has a new URL.
MEDIA_MAX_AGE = int(os.environ.get("MEDIA_MAX_AGE", "31536000"))
MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "filesystem")
if MEDIA_STORAGE == "s3":
    # django-storages on S3 or an S3-compatible store (MinIO, R2, Spaces...); boto3 also reads
    # AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from the environment.
    MEDIA_BACKEND = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("S3_BUCKET", ""),
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("S3_REGION") or None,
            "custom_domain": os.environ.get("S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("S3_LOCATION", "media"),
            "querystring_auth": env_bool("S3_QUERYSTRING_AUTH"),
            "file_overwrite": False,
            "default_acl": os.environ.get("S3_DEFAULT_ACL") or None,
            "object_parameters": {"CacheControl": f"public, max-age={MEDIA_MAX_AGE}, immutable"},
        },
    }
    SERVE_MEDIA = False
elif MEDIA_STORAGE == "filesystem":
    MEDIA_BACKEND = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
else:
    raise ImproperlyConfigured(f"MEDIA_STORAGE is {MEDIA_STORAGE!r}: use filesystem or s3.")
STORAGES = {
    "default": MEDIA_BACKEND,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 31536000

# A production site (an https SITE_URL, debug off) mails through the machine's own mail server
# by default, as Django does; elsewhere email is written to files.
_EMAIL_DEFAULT = (
    "smtp://localhost:25"
    if SITE_URL.startswith("https://") and not DEBUG
    else f"file://{DATA_DIR / 'mail'}"
)
MAILERS = {"default": parse_email_url(os.environ.get("EMAIL_URL") or _EMAIL_DEFAULT)}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Good News Daily <news@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# django-anymail: email services' webhooks report bounces and complaints to the newsletter.
ANYMAIL = {"WEBHOOK_SECRET": os.environ.get("ANYMAIL_WEBHOOK_SECRET", "")}
# Hold composed digests for an editor's approval instead of sending them unattended.
NEWSLETTER_DIGEST_APPROVAL = env_bool("NEWSLETTER_DIGEST_APPROVAL")
NEWSLETTER_DAILY_DIGEST_HOUR = int(os.environ.get("NEWSLETTER_DAILY_DIGEST_HOUR", "7"))
NEWSLETTER_WEEKLY_DIGEST_WEEKDAY = int(os.environ.get("NEWSLETTER_WEEKLY_DIGEST_WEEKDAY", "0"))

# --- Production profile: TLS. On with DJANGO_DEBUG=0 and an https SITE_URL; each can be turned
# off (DJANGO_SECURE_SSL_REDIRECT=0, DJANGO_SECURE_HSTS_SECONDS=0, ...). ---
HTTPS = SITE_URL.startswith("https://") and not DEBUG
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=HTTPS)
# Load balancers probe over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS") or 31536000 * HTTPS)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=HTTPS)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", default=HTTPS)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=HTTPS)
# The header a TLS-terminating proxy sets to "https"; it must strip the header from clients.
# Empty or "off" when the site is not behind such a proxy.
_proxy_header = os.environ.get("DJANGO_SECURE_PROXY_SSL_HEADER", "X-Forwarded-Proto")
if _proxy_header.strip().lower() in {"", "0", "off", "none", "false"} or DEBUG:
    SECURE_PROXY_SSL_HEADER = None
else:
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _proxy_header.strip().upper().replace("-", "_"), "https")
# --- End of the production profile's TLS block. ---
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# --- Hardening (issue 12): headers, cookies, admin protection. Kept together on purpose. ---
# (HSTS, https redirect and secure cookies: the production block above.)
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Content Security Policy: only the site's own scripts, styles, images and fonts, and an inline
# <script> or <style> only with the request's nonce (`{{ csp_nonce }}`); no inline style="".
# The rich text editor (django-prose-editor 0.28's Tiptap) adds one fixed <style> element of its
# own, allowed by its hash; tests/browser/test_csp.py tells when an upgrade changes it.
PROSE_EDITOR_STYLE = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
# The players a story's embeds load when the reader clicks (static/js/embeds.js); Mastodon posts
# only from these servers (articles/sanitize.py EMBED_IDS turns others into plain links).
EMBED_MASTODON_SERVERS = env_list(
    "NEWSROOM_MASTODON_SERVERS",
    "mastodon.social,mastodon.online,mstdn.science,fediscience.org,scholar.social",
)
EMBED_FRAME_SOURCES = [
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://embed.bsky.app",
    *(f"https://{server}" for server in EMBED_MASTODON_SERVERS),
]
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE, PROSE_EDITOR_STYLE],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],  # the image picker's and the autosave's requests
    "frame-src": [CSP.SELF, *EMBED_FRAME_SOURCES],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
# Only staff have sessions: they end after SESSION_COOKIE_AGE seconds whatever happens, and
# when the browser closes unless SESSION_EXPIRE_AT_BROWSER_CLOSE=0.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(10 * 60 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", default=True)
# The admin's address: somewhere other than /admin/ keeps most password-guessing robots away.
ADMIN_PATH = (os.environ.get("DJANGO_ADMIN_PATH", "").strip("/") or "admin") + "/"
# Login throttling (django-axes), in the database so that every worker shares it: after
# AXES_FAILURE_LIMIT failures for one username from one address, that pair waits an hour.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# --- End of hardening block. ---

TAGGIT_CASE_INSENSITIVE = True

DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

# Study metadata (articles/scholarly.py): Crossref for DOIs, NCBI E-utilities for PubMed IDs.
# A contact address puts our requests in Crossref's "polite pool".
CROSSREF_MAILTO = os.environ.get("CROSSREF_MAILTO", "")
CROSSREF_API_URL = os.environ.get("CROSSREF_API_URL", "https://api.crossref.org").rstrip("/")
EUTILS_API_URL = os.environ.get(
    "EUTILS_API_URL", "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
).rstrip("/")
SCHOLARLY_TIMEOUT = float(os.environ.get("SCHOLARLY_TIMEOUT", "5"))
SCHOLARLY_CACHE_SECONDS = int(os.environ.get("SCHOLARLY_CACHE_SECONDS", str(24 * 3600)))
# Flesch reading ease the publication aims for (60 is plain English), shown on the story form.
READABILITY_TARGET = int(os.environ.get("READABILITY_TARGET", "60"))
