"""The publication's name and logo, read in one place (the admin header, emails, pages)."""

from django.conf import settings
from django.templatetags.static import static


def publication():
    """{"name", "logo"}: the logo as a URL. The one function to switch to a settings model."""
    return {"name": settings.SITE_NAME, "logo": static("img/logo.png")}
