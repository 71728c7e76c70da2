"""
The page cache: whole public pages stored for anonymous readers, shared by every worker.

Keys carry a content version that any editorial save or delete bumps, so a change shows at once.
An entry also expires when the next scheduled story goes live, and after PAGE_CACHE_SECONDS at
most (which also bounds changes made without signals, such as QuerySet.update()).
"""

import gzip
import hashlib
import io
import math
import threading
import time
from functools import lru_cache, wraps
from http.client import responses
from uuid import uuid4

import brotli
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.core.signals import setting_changed
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal
from django.http import HttpResponse, parse_cookie
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date, parse_http_date_safe, quote_etag
from django.views.decorators.http import require_safe
from taggit.models import Tag

from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    Category,
    Citation,
    Correction,
    Image,
    Page,
    Series,
    SiteLink,
    SiteSettings,
    Source,
    TaggedArticle,
)

VERSION_KEY = "page-cache:version"
IDENTITY = "identity"
# Content codings in order of preference, each made once per stored page (brotli's quality 5:
# nearly its best size for HTML at a few milliseconds a page, where 11 takes tens).
COMPRESSORS = {
    "br": lambda body: brotli.compress(body, mode=brotli.MODE_TEXT, quality=5),
    "gzip": lambda body: gzip.compress(body, compresslevel=6, mtime=0),
}
# Bodies shorter than this gain nothing from compression (as Django's GZipMiddleware).
MIN_COMPRESSED_LENGTH = 200
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
    Image,  # a new alt text, credit or focal crop shows at once
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
    return f"page-cache:{content_version()}:{address_hash(request)}"


def address_hash(request):
    # The scheme too: a plain-HTTP request must reach SecurityMiddleware's HTTPS redirect.
    return hashlib.sha256(f"{request.scheme}:{request.get_full_path()}".encode()).hexdigest()


def accepted_coding(request):
    """The content coding to send: brotli, else gzip, when Accept-Encoding allows it."""
    return coding_for(request.headers.get("Accept-Encoding", ""))


@lru_cache(maxsize=64)  # Browsers send a few forms of the header between them.
def coding_for(accept_encoding):
    accepted = set()
    for item in accept_encoding.split(","):
        coding, _, params = item.partition(";")
        try:
            quality = float(params.strip().removeprefix("q=") or 1)
        except ValueError:
            quality = 0
        if quality > 0:  # q=0 refuses a coding.
            accepted.add(coding.strip().lower())
    return next((coding for coding in COMPRESSORS if coding in accepted), IDENTITY)


class CachedPage:
    """A finished page in one content coding: status, headers and body as plain values."""

    # When the stored page expires (time.time()), so a worker may keep it in memory until then.
    expires = 0

    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @classmethod
    def of(cls, response, coding=IDENTITY):
        body = response.content
        headers = dict(response.items())
        if coding != IDENTITY:
            body = COMPRESSORS[coding](body)
            headers["Content-Encoding"] = coding
        headers["Content-Length"] = str(len(body))
        headers["ETag"] = quote_etag(hashlib.md5(body, usedforsecurity=False).hexdigest())
        return cls(response.status_code, headers, body)

    def wsgi_headers(self):
        return [*self.headers.items(), ("X-Cache", "hit")]

    @classmethod
    def codings_of(cls, response, codings=(IDENTITY, *COMPRESSORS)):
        """The page in each of `codings` it can be sent in."""
        if len(response.content) < MIN_COMPRESSED_LENGTH or response.has_header("Content-Encoding"):
            return dict.fromkeys((IDENTITY, *COMPRESSORS), cls.of(response))
        patch_vary_headers(response, ["Accept-Encoding"])
        return {coding: cls.of(response, coding) for coding in codings}

    def response(self, x_cache="hit"):
        response = HttpResponse(self.body, status=self.status, headers=self.headers)
        if x_cache:
            response.headers["X-Cache"] = x_cache
        return response

    def conditional_response(self, request, x_cache="hit"):
        """The page, or a 304 Not Modified when the request's validators match it."""
        return get_conditional_response(
            request,
            etag=self.headers["ETag"],
            last_modified=parse_http_date_safe(self.headers.get("Last-Modified", "")),
            response=self.response(x_cache),
        )


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
    return reader_cookies(request.COOKIES)


def reader_cookies(cookies):
    return not ({settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name} & cookies.keys())


def is_public_page(request):
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return False
    return getattr(match.func, "public_page", False)


def cached_page(request):
    """
    The stored page for an anonymous reader's GET or HEAD request, in the coding they accept;
    None when there is none, or when the reader is logged in or the page cache is off.
    """
    if request.method not in ("GET", "HEAD") or not settings.PAGE_CACHE_SECONDS:
        return None
    if not is_reader(request):
        return None
    request.get_host()  # Rejects a disallowed Host before a cached page could be served.
    return cache.get(f"{page_key(request)}:{accepted_coding(request)}")


# What Django makes of a request's address (the host it checks, the scheme, the full path) is
# read from these environ keys alone, given the settings below.
ADDRESS_KEYS = (
    "HTTP_HOST",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "SERVER_NAME",
    "SERVER_PORT",
    "wsgi.url_scheme",
    "SCRIPT_NAME",
    "SCRIPT_URL",
    "REDIRECT_URL",
    "PATH_INFO",
    "QUERY_STRING",
)
ADDRESS_SETTINGS = {
    "ALLOWED_HOSTS",
    "DEBUG",
    "USE_X_FORWARDED_HOST",
    "USE_X_FORWARDED_PORT",
    "SECURE_PROXY_SSL_HEADER",
    "FORCE_SCRIPT_NAME",
}


@lru_cache(maxsize=4096)
def address_of(address):
    """
    The address part of the page cache key for `address` (ADDRESS_KEYS' values, then the
    proxy's scheme header), as page_key() makes it from Django's request; None for a host
    Django refuses. Remembered: most requests ask for the same few pages.
    """
    *values, proxy_scheme = address
    environ = {
        key: value for key, value in zip(ADDRESS_KEYS, values, strict=True) if value is not None
    }
    if proxy_scheme is not None:
        environ[settings.SECURE_PROXY_SSL_HEADER[0]] = proxy_scheme
    request = WSGIRequest({**environ, "REQUEST_METHOD": "GET", "wsgi.input": io.BytesIO()})
    try:
        request.get_host()
    except DisallowedHost:
        return None
    return address_hash(request)


def forget_addresses(*, setting, **kwargs):
    if setting in ADDRESS_SETTINGS:
        address_of.cache_clear()


setting_changed.connect(forget_addresses)


class PageCacheApplication:
    """
    The WSGI application in front of Django's (newsroom/wsgi.py): answers a page cache hit
    without Django's request handling, middleware and signals, as the ceiling of what gunicorn
    can serve. Conditional requests, and everything that is not a plain reader's hit, go on to
    Django, where PageCacheMiddleware answers the same hits (304s included) and fills the cache.

    Pages served lately are also kept in this process's memory (at most MEMORY_BYTES of them),
    until they expire or any content changes: a hit then reads only the content version from the
    shared cache, not the page.
    """

    MEMORY_BYTES = 8 * 1024 * 1024

    def __init__(self, application):
        self.application = application
        self.pages, self.version, self.size = {}, None, 0
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        if (page := self.hit(environ)) is not None:
            status, headers, body = page
            start_response(status, headers)
            return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]
        return self.application(environ, start_response)

    def hit(self, environ):
        """The stored page for a plain reader's GET or HEAD, as (status, headers, body), or None."""
        if (
            environ["REQUEST_METHOD"] not in ("GET", "HEAD")
            or "HTTP_IF_NONE_MATCH" in environ
            or "HTTP_IF_MODIFIED_SINCE" in environ
            or not settings.PAGE_CACHE_SECONDS
        ):
            return None
        if "HTTP_COOKIE" in environ and not reader_cookies(parse_cookie(environ["HTTP_COOKIE"])):
            return None
        proxy_header = settings.SECURE_PROXY_SSL_HEADER
        address = (*map(environ.get, ADDRESS_KEYS), proxy_header and environ.get(proxy_header[0]))
        if (url := address_of(address)) is None:
            return None  # Django answers 400.
        if (version := cache.get(VERSION_KEY)) is None:
            return None
        key = f"page-cache:{version}:{url}:{coding_for(environ.get('HTTP_ACCEPT_ENCODING', ''))}"
        if version != self.version:
            with self.lock:
                self.pages, self.version, self.size = {}, version, 0
        page = self.pages.get(key)
        if page is not None and page[3] > time.time():
            return page[:3]
        if (stored := cache.get(key)) is None:
            return None
        page = (
            f"{stored.status} {responses[stored.status]}",
            stored.wsgi_headers(),
            stored.body,
            stored.expires,
        )
        self.remember(key, page)
        return page[:3]

    def remember(self, key, page):
        """Keep `page` in memory, dropping the longest kept until the pages fit MEMORY_BYTES."""
        with self.lock:  # Threads of a gthread worker share the pages.
            if (expired := self.pages.pop(key, None)) is not None:
                self.size -= len(expired[2])
            self.pages[key] = page
            self.size += len(page[2])
            while self.size > self.MEMORY_BYTES:
                self.size -= len(self.pages.pop(next(iter(self.pages)))[2])


class PageCacheMiddleware:
    """
    Serves and stores public pages for anonymous readers; marks what logged-in staff see private.

    First after the health check, so that a stored page holds the headers of every middleware
    below (HTTPS, CSP, frame options) and a hit needs none of them. Above SessionMiddleware,
    CsrfViewMiddleware and MessageMiddleware so that it sees every cookie they set: a page that
    sets a cookie or uses a CSRF token is never stored. It answers conditional requests for the
    pages it serves, as ConditionalGetMiddleware (below it) does for the others.

    A page is stored once per content coding (brotli, gzip, none) as plain bytes and headers, so
    that a hit finds the reader's coding by key and does no URL resolving, unpickling of a
    response object or compression.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        if (page := cached_page(request)) is not None:
            return page.conditional_response(request)
        if not is_public_page(request):
            return self.get_response(request)

        reader = is_reader(request)
        # The key before the page is rendered: its content version then is the one it shows.
        key = page_key(request) if reader and settings.PAGE_CACHE_SECONDS else None
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
        coding = accepted_coding(request)
        if key and request.method == "GET":
            pages, lifetime = CachedPage.codings_of(response), page_lifetime()
            for page in pages.values():
                page.expires = time.time() + lifetime
            cache.set_many({f"{key}:{name}": page for name, page in pages.items()}, lifetime)
            return pages[coding].conditional_response(request, x_cache="miss")
        page = CachedPage.codings_of(response, [coding])[coding]
        return page.conditional_response(request, x_cache=None)
