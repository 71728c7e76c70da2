from django.conf import settings
from django.utils.functional import SimpleLazyObject, lazy

from articles.site import site_chrome

# Made once: lazy() builds a class at each call.
site_name = lazy(lambda site_settings: site_settings.name, str)
site_description = lazy(lambda site_settings: site_settings.description, str)


def site(request):
    # Lazy: the admin and other pages that show none of it spend nothing on it. One cache read
    # a request at most, however often a template names the site.
    chrome = SimpleLazyObject(site_chrome)
    site_settings = SimpleLazyObject(lambda: chrome.settings)
    return {
        "site": site_settings,
        "chrome": chrome,
        "SITE_NAME": site_name(site_settings),
        "SITE_URL": settings.SITE_URL,
        "SITE_DESCRIPTION": site_description(site_settings),
        "nav_categories": SimpleLazyObject(lambda: chrome.categories),
    }
