"""
Every named route from the URLconf, walked with hostile values in its path and query, in every
method, for every role: never a 500, never another role's data, never the attacker's Host.
New routes are covered as soon as they are added to a urls.py.
"""

import pytest
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from tests.security.conftest import XSS_SHORT

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"
# Path values, each tried where its converter accepts it.
PATH_VALUES = [
    HUGE,
    "0",
    "-1",
    "9" * 400,
    "a" * 300,
    "hostile-story",
    "old-hostile-story",
    "secret-draft",
    "x' OR '1'='1",
    '"><script>alert(1)</script>',
    "..%2F..%2Fetc%2Fpasswd",
    "%00",
    "ü-ß-日本",
    "abc:1:xyz",  # looks like a signed value
]
# Query strings: SQL, full-text syntax, huge and broken numbers, dates, and markup.
QUERIES = [
    {"page": HUGE},
    {"page": "-1"},
    {"page": "abc"},
    {"page": "1e309"},
    {"page": "last"},
    {"q": "' OR 1=1 --"},
    {"q": "\"unterminated 'quote"},
    {"q": "a & | ! ( ) :* <-> b"},
    {"q": "-not or -- ; DROP TABLE articles_article;"},
    {"q": "x" * 5000},
    {"q": "\x00"},
    {"q": "%"},
    {"q": "_"},
    {"q": XSS_SHORT, "page": "2"},
    {"category": HUGE, "year": "99999999999999999999999", "month": "13", "day": "32"},
    {"date": "0000-00-00", "since": "-1", "from": "9999-12-31T25:61"},
    {"next": "https://evil.example/", "redirect": "//evil.example/"},
    {"page": ["1", "2"], "q": ["a", "b"]},
]
ROLES = ["anonymous", "writer", "editor", "newsletter_manager"]
EVIL_HOST = "evil.example"


def named_routes(resolver=None, namespace=""):
    """(name, converter kwargs) of every named route outside the admin (tested on its own)."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from named_routes(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", list(pattern.pattern.converters)


def hostile_urls():
    """Each route with each hostile path value its converters accept."""
    urls = set()
    for name, params in named_routes():
        for value in PATH_VALUES if params else [None]:
            try:
                urls.add(reverse(name, kwargs=dict.fromkeys(params, value)))
            except NoReverseMatch:
                continue  # the converter refuses it: the resolver never sees it either
    return sorted(urls)


def route_urls(hostile):
    """Each route once, at a real object where it takes one: the place for query attacks."""
    urls = []
    for name, params in named_routes():
        value = hostile["story"].pk if "pk" in params else "hostile-story"
        if "slug" in params and name != "articles:article":
            value = "hostile"
        kwargs = dict.fromkeys(params, value)
        if {"year", "month"} <= set(params):  # the archive: the month the story came out
            published = hostile["story"].published_at
            kwargs |= {"year": published.year, "month": published.month}
        urls.append(reverse(name, kwargs=kwargs))
    return urls


def test_the_walk_reaches_every_public_route():
    names = {name for name, _ in named_routes()}
    assert {"articles:article", "articles:search", "newsletter:confirm"} <= names
    assert len(hostile_urls()) > 50


@pytest.mark.parametrize("role", ROLES)
def test_every_route_with_hostile_values_never_fails_or_leaks(client_for, hostile, role):
    client = client_for(role, raise_request_exception=False)
    failures, requests = [], 0
    queries = QUERIES if role == "anonymous" else QUERIES[:6]
    attempts = [(url, {}) for url in hostile_urls()]
    attempts += [(url, query) for url in route_urls(hostile) for query in queries]
    for url, query in attempts:
        response = client.get(url, query, follow=False)
        requests += 1
        body = response.content
        if response.status_code >= 500:
            failures.append((url, query, response.status_code))
        elif b"Secret draft headline" in body and role != "editor":
            failures.append((url, query, "another writer's draft shown"))
        elif b"reader@example.com" in body:
            failures.append((url, query, "a subscriber's address shown"))
        elif b"<script>alert" in body:
            failures.append((url, query, "markup reflected"))
    assert failures == [], f"{len(failures)} of {requests} requests"


METHODS = ["put", "patch", "delete"]


def is_login(response):
    return response.status_code == 302 and response.url.startswith(reverse("admin:login"))


def test_methods_a_route_does_not_take_are_refused_not_failed(hostile):
    client = Client(raise_request_exception=False)
    failures = []
    story = hostile["story"].get_absolute_url()
    for url in route_urls(hostile):
        for method in METHODS:
            response = getattr(client, method)(url, "x=1", content_type="text/plain")
            # Signed-link pages answer a broken link first, and staff pages send strangers to
            # the login page, whatever the method.
            if response.status_code not in {400, 403, 404, 405} and not is_login(response):
                failures.append((method.upper(), url, response.status_code))
        response = client.options(url)
        answered = response.status_code == 200 and response.content
        if (response.status_code not in {200, 400, 403, 404, 405} or answered) and not is_login(
            response
        ):
            failures.append(("OPTIONS", url, response.status_code))
    assert failures == [], "\n".join(map(str, failures))
    assert client.put(story).status_code == 405


POST_ONLY = ["newsletter:subscribe"]


def test_get_on_a_post_endpoint_does_nothing(client, mailoutbox):
    for name in POST_ONLY:
        response = client.get(reverse(name), {"email": "x@example.com"})
        assert response.status_code in {302, 405}
    assert mailoutbox == []


@pytest.mark.parametrize(
    "host",
    [
        EVIL_HOST,
        f"{EVIL_HOST}:80",
        "news.example.org.evil.example",
        "news.example.org@evil.example",
        "127.0.0.1:1/x",
        "",
    ],
)
def test_an_unknown_host_is_refused(hostile, host):
    client = Client(raise_request_exception=False)
    for url in ["/", hostile["story"].get_absolute_url(), "/feed/rss/", "/newsletter/"]:
        response = client.get(url, headers={"host": host})
        assert response.status_code == 400, (url, host)
        assert EVIL_HOST.encode() not in response.content


def test_absolute_urls_use_site_url_whatever_the_forwarded_host(client, hostile):
    forwarded = {"x-forwarded-host": EVIL_HOST, "x-forwarded-proto": "https"}
    for url in [
        hostile["story"].get_absolute_url(),
        "/feed/rss/",
        "/feed/atom/",
        "/sitemap.xml",
        "/sitemap-news.xml",
        "/robots.txt",
        "/",
    ]:
        response = client.get(url, headers=forwarded)
        assert response.status_code == 200, url
        assert EVIL_HOST.encode() not in response.content, url
        assert b"https://news.example.org/" in response.content, url


def test_the_page_cache_never_keeps_a_page_for_another_host(client, hostile, settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.ALLOWED_HOSTS = ["testserver", "news.example.org", "alias.example.org"]
    client.get("/", headers={"host": "alias.example.org"})
    assert b"alias.example.org" not in client.get("/").content
