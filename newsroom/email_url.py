"""Turns EMAIL_URL into a Django MAILERS entry."""

from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUTHY = {"1", "true", "yes", "on"}


def parse_email_url(url):
    """
    Accepts `smtp://user:pass@host:port` (`?tls=1` for STARTTLS, `?ssl=1` or `smtps://` for
    implicit TLS, `?timeout=10`), `file:///path/to/folder`, `console:` and `locmem:`.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "console":
        return {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if scheme == "locmem":
        return {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    if scheme == "file":
        return {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": unquote(parts.path)},
        }
    if scheme in {"smtp", "smtps"}:
        query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        use_ssl = scheme == "smtps" or query.get("ssl", "").lower() in TRUTHY
        return {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": parts.hostname or "localhost",
                "port": parts.port or (465 if use_ssl else 25),
                "username": unquote(parts.username or ""),
                "password": unquote(parts.password or ""),
                "use_tls": query.get("tls", "").lower() in TRUTHY,
                "use_ssl": use_ssl,
                "timeout": int(query.get("timeout", "30")),
            },
        }
    raise ImproperlyConfigured(
        f"EMAIL_URL scheme {scheme!r} is not supported: use smtp://, smtps://, file://, console:"
    )
