"""
The page cache: whole public pages stored for anonymous readers, shared by every worker.

Keys carry a content version that any editorial save or delete bumps, so a change shows at once.
An entry also expires when the next scheduled story goes live, and after PAGE_CACHE_SECONDS at
most (which also bounds changes made without signals, such as QuerySet.update()).
"""

import hashlib
import math
from functools import wraps
from uuid import uuid4

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control, set_response_etag
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from taggit.models import Tag

from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    Category,
    Citation,
    Correction,
    Page,
    Series,
    SiteLink,
    SiteSettings,
    Source,
    TaggedArticle,
)

VERSION_KEY = "page-cache:version"
# How long browsers and shared caches in front of the site may reuse a page.
BROWSER_MAX_AGE = 60
# Sent once content changes are committed, with `keys`: the Surrogate-Key/Cache-Tag values of the
# pages to drop from a CDN. Always ["pages"] (every page), since any change may show on any page
# (related panels, lists, feeds); a receiver calls the CDN's purge API. See README.
pages_changed = Signal()
CONTENT_MODELS = [
    Article,
    ArticleAuthor,
    Author,
    Category,
    Citation,
    Correction,
    Page,
    Series,
    SiteLink,
    SiteSettings,
    Source,
    Tag,
    TaggedArticle,
]


def public_page(view):
    """
    Mark `view` as showing every anonymous reader the same page, so it may be cached. Such a
    page is only read: other methods get a 405 (feeds and sitemaps would answer them all).
    """

    @wraps(view)
    @require_safe
    def wrapped(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    wrapped.public_page = True
    return wrapped


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def bump_content_version():
    """Retire every cached page. Call it after changing content without saving models."""
    cache.set(VERSION_KEY, uuid4().hex, None)


def content_committed():
    bump_content_version()
    pages_changed.send(sender=Article, keys=["pages"])


def content_changed(**kwargs):
    bump_content_version()
    # Again after commit: a page rendered in between saw the old rows under the new version.
    transaction.on_commit(content_committed)


for model in CONTENT_MODELS:
    post_save.connect(content_changed, sender=model, dispatch_uid=f"page-cache-save-{model}")
    post_delete.connect(content_changed, sender=model, dispatch_uid=f"page-cache-del-{model}")
for through in [Article.related_articles.through, Article.authors.through, TaggedArticle]:
    m2m_changed.connect(content_changed, sender=through, dispatch_uid=f"page-cache-m2m-{through}")


def page_key(request):
    url = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page-cache:{content_version()}:{url}"


def page_lifetime():
    """Seconds a page may be kept: until the next scheduled story goes live, at most the setting."""
    seconds = settings.PAGE_CACHE_SECONDS
    next_story = (
        Article.objects.scheduled()
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    if next_story is not None:
        until = math.ceil((next_story - timezone.now()).total_seconds())
        seconds = min(seconds, max(until, 1))
    return seconds


def surrogate_keys(request, response):
    """
    What a CDN may purge a page by: "pages" for every page, then what it shows: its story and
    the story's category, the category, tag, source or author it lists, or the kind of page.
    """
    keys = ["pages"]
    context = getattr(response, "context_data", None) or {}
    if (article := context.get("article")) is not None:
        keys += [f"article-{article.pk}", f"category-{article.category_id}"]
    elif (subject := context.get("subject")) is not None:
        keys.append(f"{subject._meta.model_name}-{subject.pk}")
    elif match := request.resolver_match:
        name = match.url_name
        keys.append("feeds" if "feed" in name else "sitemaps" if "sitemap" in name else name)
    return keys


def is_reader(request):
    """
    An anonymous reader: no session (so not logged in) and no pending messages. Checked on the
    cookies, so the session is never read and pages are not marked `Vary: Cookie` for it.
    """
    return not ({settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name} & request.COOKIES.keys())


def is_public_page(request):
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return False
    return getattr(match.func, "public_page", False)


class PageCacheMiddleware:
    """
    Serves and stores public pages for anonymous readers; marks what logged-in staff see private.

    Goes above SessionMiddleware, CsrfViewMiddleware and MessageMiddleware so that it sees every
    cookie they set: a page that sets a cookie or uses a CSRF token is never stored.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or not is_public_page(request):
            return self.get_response(request)
        request.get_host()  # Rejects a disallowed Host before a cached page could be served.
        reader = is_reader(request)
        key = page_key(request) if reader and settings.PAGE_CACHE_SECONDS else None
        if key and (response := cache.get(key)) is not None:
            response.headers["X-Cache"] = "hit"
            return response

        response = self.get_response(request)
        if not reader and request.user.is_authenticated:
            add_never_cache_headers(response)
            return response
        if response.status_code != 200 or response.streaming:
            return response
        if response.cookies:  # Such as the CSRF cookie, set whenever a page uses a token.
            patch_cache_control(response, private=True)
            return response
        patch_cache_control(response, public=True, max_age=BROWSER_MAX_AGE)
        keys = surrogate_keys(request, response)
        response.headers["Surrogate-Key"] = " ".join(keys)  # Fastly, Varnish (xkey)
        response.headers["Cache-Tag"] = ",".join(keys)  # Cloudflare, Bunny
        if not response.has_header("Last-Modified"):
            response.headers["Last-Modified"] = http_date()
        set_response_etag(response)
        if key and request.method == "GET":
            response.headers["X-Cache"] = "miss"
            cache.set(key, response, page_lifetime())
        return response
