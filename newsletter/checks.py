from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def site_url_is_https(app_configs, **kwargs):
    """Unsubscribe links (RFC 8058), feeds and canonical URLs are built from SITE_URL."""
    if settings.SITE_URL.startswith("https://"):
        return []
    return [
        Warning(
            f"SITE_URL is {settings.SITE_URL!r}: in production it should start with https://.",
            hint="Mail providers only offer one-click unsubscribe for https List-Unsubscribe "
            "URLs, and readers' links should not be sent in the clear.",
            id="newsroom.W001",
        )
    ]
