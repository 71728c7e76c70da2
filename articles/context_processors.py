from django.conf import settings
from django.utils.functional import SimpleLazyObject, lazy

from articles.site import site_chrome

# What the layout (base.html, includes/head_meta.html) reads on every page and only some pages
# set: a name a template does not find costs an exception to look up.
LAYOUT_DEFAULTS = {
    "title": "",
    "description": "",
    "story": None,
    "category": None,
    "query": "",
    "noindex": False,
    "markdown_url": "",
}

# Made once: lazy() builds a class at each call.
site_name = lazy(lambda site_settings: site_settings.name, str)
site_description = lazy(lambda site_settings: site_settings.description, str)


def site(request):
    # Lazy: the admin and other pages that show none of it spend nothing on it. One cache read
    # a request at most, however often a template names the site.
    chrome = SimpleLazyObject(site_chrome)
    site_settings = SimpleLazyObject(lambda: chrome.settings)
    return {
        **LAYOUT_DEFAULTS,
        "site": site_settings,
        "chrome": chrome,
        "SITE_NAME": site_name(site_settings),
        "SITE_URL": settings.SITE_URL,
        "SITE_DESCRIPTION": site_description(site_settings),
        "nav_categories": SimpleLazyObject(lambda: chrome.categories),
    }
