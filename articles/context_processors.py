from django.conf import settings
from django.core.cache import cache

from articles.cache import content_version
from articles.models import Category


def nav_categories():
    """The navigation's categories: kept in the cache until any content changes."""
    key = f"nav-categories:{content_version()}"
    categories = cache.get(key)
    if categories is None:
        categories = list(Category.objects.all())
        cache.set(key, categories, settings.PAGE_CACHE_SECONDS or 300)
    return categories


def site(request):
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "SITE_DESCRIPTION": settings.SITE_DESCRIPTION,
        # Called by the template that shows them, so that feeds and sitemaps never look.
        "nav_categories": nav_categories,
    }
