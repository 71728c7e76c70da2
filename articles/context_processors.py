from django.conf import settings
from django.utils.functional import SimpleLazyObject, lazy

from articles.site import site_chrome, site_settings


def site(request):
    # Lazy: the admin and other pages that show none of it spend nothing on it.
    chrome = SimpleLazyObject(site_chrome)
    return {
        "site": SimpleLazyObject(site_settings),
        "chrome": chrome,
        "SITE_NAME": lazy(lambda: site_settings().name, str)(),
        "SITE_URL": settings.SITE_URL,
        "SITE_DESCRIPTION": lazy(lambda: site_settings().description, str)(),
        "nav_categories": SimpleLazyObject(lambda: chrome.categories),
    }
