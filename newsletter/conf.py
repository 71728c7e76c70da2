"""Newsletter settings with their defaults; any of them can be set in settings.py."""

from datetime import timedelta

from django.conf import settings

DEFAULTS = {
    # Hold composed digests for an editor's approval instead of sending them unattended.
    "NEWSLETTER_DIGEST_APPROVAL": False,
    "NEWSLETTER_CONFIRM_MAX_AGE": timedelta(days=3),
    "NEWSLETTER_PREFERENCES_MAX_AGE": timedelta(days=365),
    # A pending address is sent a new confirmation at most this often.
    "NEWSLETTER_RESEND_INTERVAL": timedelta(minutes=5),
    # Seconds a person needs at least between first using the form and sending it.
    "NEWSLETTER_MIN_FILL_SECONDS": 3,
    # (requests, seconds) per client IP and per address.
    "NEWSLETTER_RATE_LIMIT_IP": (20, 3600),
    "NEWSLETTER_RATE_LIMIT_ADDRESS": (5, 3600),
    # The request header holding the client's IP behind a reverse proxy; None: REMOTE_ADDR.
    "NEWSLETTER_CLIENT_IP_HEADER": None,
    # Messages sent over one SMTP connection before the delivery rows are read again.
    "NEWSLETTER_BATCH_SIZE": 500,
    # A batch whose run shows no sign of life for this long was killed: it is taken back.
    "NEWSLETTER_SEND_LEASE": timedelta(minutes=5),
    # Sending tasks queued per edition: workers on several machines or cores share the list.
    "NEWSLETTER_SENDERS": 1,
    # Transient failures (SMTP 4xx, lost connections) are retried this often, with backoff.
    "NEWSLETTER_MAX_RETRIES": 8,
    "NEWSLETTER_RETRY_BASE_SECONDS": 30,
    "NEWSLETTER_DIGEST_MAX_STORIES": 12,
    # Digests are due at this hour (local time) daily; the weekly one on this weekday (0: Monday).
    "NEWSLETTER_DAILY_DIGEST_HOUR": 7,
    "NEWSLETTER_WEEKLY_DIGEST_WEEKDAY": 0,
}


def setting(name):
    return getattr(settings, name, DEFAULTS[name])
