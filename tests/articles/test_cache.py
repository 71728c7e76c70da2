import gzip
from datetime import timedelta
from unittest import mock

import brotli
import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.cache import cache, caches
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.urls import include, path
from django.utils import timezone

from articles.cache import PageCacheApplication, public_page
from articles.models import Article, Correction
from tests.factories import ArticleFactory, ImageFactory

pytestmark = pytest.mark.django_db


@public_page
def page_with_csrf_token(request):
    return HttpResponse(f"<form>{get_token(request)}</form>")


urlpatterns = [
    path("csrf-page/", page_with_csrf_token),
    path("", include("articles.urls")),
]


@pytest.fixture(autouse=True)
def _page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_user("editor", password="x", is_staff=True)
    client.force_login(user)
    return user


def public_urls(article):
    return [
        "/",
        article.get_absolute_url(),
        "/category/health/",
        "/category/health/?page=1",
        "/tag/hearing/",
        "/search/?q=hearing",
        "/feed/rss/",
        "/category/health/feed/atom/",
        "/sitemap.xml",
        "/sitemap-news.xml",
    ]


def test_second_anonymous_request_is_served_from_the_cache(
    client, health, django_assert_num_queries
):
    article = ArticleFactory(category=health, tags=["hearing"])
    for url in public_urls(article):
        first = client.get(url)
        assert first.status_code == 200, url
        assert first["X-Cache"] == "miss", url
        assert "Set-Cookie" not in str(first.cookies), url
        with django_assert_num_queries(0):
            second = client.get(url)
        assert second["X-Cache"] == "hit", url
        assert second.content == first.content


@pytest.mark.parametrize(
    ("accept", "coding"),
    [("gzip, deflate, br, zstd", "br"), ("gzip", "gzip"), ("br;q=0, gzip", "gzip"), ("", None)],
)
def test_pages_are_sent_compressed_as_the_reader_accepts(client, health, accept, coding):
    article = ArticleFactory(category=health, tags=["hearing"])
    for url in public_urls(article):
        for expected_cache in ("miss", "hit"):
            response = client.get(url, HTTP_ACCEPT_ENCODING=accept)
            assert response["X-Cache"] == expected_cache, url
            assert response.get("Content-Encoding") == coding, url
            assert "Accept-Encoding" in response["Vary"], url
            assert response["Content-Length"] == str(len(response.content)), url
    decode = {"br": brotli.decompress, "gzip": gzip.decompress, None: bytes}[coding]
    response = client.get(article.get_absolute_url(), HTTP_ACCEPT_ENCODING=accept)
    assert decode(response.content) == client.get(article.get_absolute_url()).content


def test_a_hit_does_no_compression_work(client, health):
    article = ArticleFactory(category=health)
    client.get(article.get_absolute_url(), HTTP_ACCEPT_ENCODING="br")
    with mock.patch("brotli.compress") as compress, mock.patch("gzip.compress") as gzip_compress:
        response = client.get(article.get_absolute_url(), HTTP_ACCEPT_ENCODING="gzip")
    assert response["X-Cache"] == "hit"
    assert response["Content-Encoding"] == "gzip"
    compress.assert_not_called()
    gzip_compress.assert_not_called()


def test_pages_are_compressed_with_the_cache_off_too(client, health, settings):
    settings.PAGE_CACHE_SECONDS = 0
    article = ArticleFactory(category=health)
    response = client.get(article.get_absolute_url(), HTTP_ACCEPT_ENCODING="br")
    assert response["Content-Encoding"] == "br"
    assert b"</html>" in brotli.decompress(response.content)


def test_anonymous_pages_are_publicly_cacheable_with_validators(client, health):
    article = ArticleFactory(category=health)
    response = client.get(article.get_absolute_url())
    assert response["Cache-Control"] == "public, max-age=60"
    assert response["ETag"]
    assert response["Last-Modified"]


def test_conditional_get_returns_not_modified(client, health):
    article = ArticleFactory(category=health)
    etag = client.get(article.get_absolute_url())["ETag"]
    assert client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=etag).status_code == 304
    modified = client.get("/")["Last-Modified"]
    assert client.get("/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304


def test_publishing_a_story_shows_it_at_once(client, health):
    draft = ArticleFactory(
        category=health, title="Embargoed cure", status=Article.Status.DRAFT, published_at=None
    )
    assert "Embargoed cure" not in client.get("/").content.decode()
    draft.status = Article.Status.PUBLISHED
    draft.save()
    response = client.get("/")
    assert response["X-Cache"] == "miss"
    assert "Embargoed cure" in response.content.decode()


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda article: Article.objects.get(pk=article.pk).save(), id="save"),
        pytest.param(lambda article: article.tags.add("new-tag"), id="tag-added"),
        pytest.param(
            lambda article: Correction.objects.create(article=article, text="Fixed."),
            id="correction",
        ),
        pytest.param(lambda article: article.category.save(), id="category"),
        pytest.param(lambda article: article.delete(), id="deleted"),
        pytest.param(lambda article: article.hero.save(), id="hero-image"),
    ],
)
def test_any_content_change_retires_cached_pages(client, health, change):
    article = ArticleFactory(category=health, tags=["hearing"], hero=ImageFactory())
    client.get(article.get_absolute_url())
    client.get("/")
    change(article)
    assert client.get("/")["X-Cache"] == "miss"


def test_editing_a_headline_updates_the_cached_page(client, health):
    article = ArticleFactory(category=health, title="Old headline")
    assert "Old headline" in client.get(article.get_absolute_url()).content.decode()
    article.title = "New headline"
    article.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "New headline" in html
    assert "Old headline" not in html


def test_a_scheduled_story_appears_at_its_time_through_the_cache(client, health):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        ArticleFactory(category=health, title="Yesterday news")
        ArticleFactory(
            category=health, title="Tomorrow cure", published_at=start + timedelta(minutes=2)
        )
        assert "Tomorrow cure" not in client.get("/").content.decode()
        traveller.shift(timedelta(minutes=1))
        assert client.get("/")["X-Cache"] == "hit"
        traveller.shift(timedelta(minutes=1, seconds=1))
        response = client.get("/")
    assert response["X-Cache"] == "miss"
    assert "Tomorrow cure" in response.content.decode()


def test_cached_pages_expire_after_the_configured_lifetime(client, health, settings):
    settings.PAGE_CACHE_SECONDS = 30
    ArticleFactory(category=health)
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        client.get("/")
        traveller.shift(timedelta(seconds=29))
        assert client.get("/")["X-Cache"] == "hit"
        traveller.shift(timedelta(seconds=2))
        assert client.get("/")["X-Cache"] == "miss"


def test_staff_never_read_the_anonymous_cache(client, health, staff):
    article = ArticleFactory(category=health)
    anonymous = client.__class__()
    anonymous.get(article.get_absolute_url())
    response = client.get(article.get_absolute_url())
    assert "X-Cache" not in response
    assert "private" in response["Cache-Control"]
    assert "no-cache" in response["Cache-Control"]


def test_staff_never_fill_the_anonymous_cache(client, health, staff):
    article = ArticleFactory(category=health)
    client.get(article.get_absolute_url())
    client.get("/")
    client.logout()
    assert client.get(article.get_absolute_url())["X-Cache"] == "miss"
    assert client.get("/")["X-Cache"] == "miss"


def test_unknown_pages_and_posts_are_not_cached(client):
    assert client.get("/no-such-story/").status_code == 404
    assert "X-Cache" not in client.get("/no-such-story/")
    client.post("/search/", {"q": "x"})
    assert client.get("/search/")["X-Cache"] == "miss"


def test_pages_that_set_a_cookie_are_never_cached(client, settings):
    settings.ROOT_URLCONF = __name__
    first = client.get("/csrf-page/")
    assert settings.CSRF_COOKIE_NAME in first.cookies
    assert "private" in first["Cache-Control"]
    client.cookies.clear()
    second = client.get("/csrf-page/")
    assert "X-Cache" not in second
    assert second.content != first.content


def test_a_disallowed_host_is_refused_even_when_the_page_is_cached(client, health):
    ArticleFactory(category=health)
    client.get("/")
    assert client.get("/", HTTP_HOST="evil.example.com").status_code == 400


def test_the_cache_can_be_turned_off(client, settings, health):
    settings.PAGE_CACHE_SECONDS = 0
    ArticleFactory(category=health)
    client.get("/")
    assert "X-Cache" not in client.get("/")


def test_workers_share_the_page_cache_through_redis(client, health, redis_cache):
    """A page one worker rendered is a hit for another: the cache lives in Redis, not a process."""
    article = ArticleFactory(category=health)
    assert client.get(article.get_absolute_url())["X-Cache"] == "miss"
    caches.close_all()
    del caches["default"]  # A fresh connection, as in another worker process.
    assert client.get(article.get_absolute_url())["X-Cache"] == "hit"
    article.title = "A corrected headline"
    article.save()
    response = client.get(article.get_absolute_url())
    assert response["X-Cache"] == "miss"
    assert b"A corrected headline" in response.content


def wsgi(application, path, method="GET", **environ):
    """`application` called as gunicorn calls it: status line, headers and body."""
    started = {}

    def start_response(status, headers):
        started.update(status=status, headers=dict(headers))

    result = application(RequestFactory().generic(method, path, **environ).environ, start_response)
    body = b"".join(result)
    getattr(result, "close", lambda: None)()
    return started["status"], started["headers"], body


def django_must_not_answer(environ, start_response):
    pytest.fail(f"Django was asked for {environ['PATH_INFO']}")


def test_a_hit_is_answered_in_front_of_django_with_every_header(client, health, settings):
    settings.SECURE_CONTENT_TYPE_NOSNIFF = True
    article = ArticleFactory(category=health)
    url = article.get_absolute_url()
    miss = client.get(url, HTTP_ACCEPT_ENCODING="br")
    application = PageCacheApplication(django_must_not_answer)

    status, headers, body = wsgi(application, url, HTTP_ACCEPT_ENCODING="br")

    assert status == "200 OK"
    assert headers["X-Cache"] == "hit"
    assert body == miss.content
    assert brotli.decompress(body) == client.get(url).content
    # What the middleware below the page cache added is in the stored page.
    assert {name: value for name, value in headers.items() if name != "X-Cache"} == {
        name: value for name, value in miss.items() if name != "X-Cache"
    }
    for name in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options"):
        assert name in headers, name


def test_a_head_request_hit_sends_the_headers_alone(client, health):
    article = ArticleFactory(category=health)
    page = client.get(article.get_absolute_url())
    application = PageCacheApplication(django_must_not_answer)
    status, headers, body = wsgi(application, article.get_absolute_url(), "HEAD")
    assert (status, body) == ("200 OK", b"")
    assert headers["Content-Length"] == str(len(page.content))


class RecordingDjango:
    """Stands for Django's WSGI application: notes the paths it was asked for."""

    def __init__(self):
        self.asked = []

    def __call__(self, environ, start_response):
        self.asked.append(environ["PATH_INFO"])
        start_response("200 OK", [])
        return [b""]


@pytest.mark.parametrize(
    "environ",
    [
        {"HTTP_COOKIE": "sessionid=abc"},  # a logged-in editor's or reader's session
        {"HTTP_COOKIE": "messages=abc"},  # a message waiting for this reader
        {"HTTP_IF_NONE_MATCH": '"x"'},  # conditional requests are Django's (304s)
        {"HTTP_IF_MODIFIED_SINCE": "Tue, 01 Dec 2026 12:00:00 GMT"},
        {"HTTP_HOST": "evil.example.com"},  # Django refuses it
        {"REQUEST_METHOD": "POST"},
    ],
)
def test_what_is_not_a_plain_reader_hit_goes_on_to_django(client, health, environ):
    article = ArticleFactory(category=health)
    client.get(article.get_absolute_url())
    django = RecordingDjango()
    method = environ.pop("REQUEST_METHOD", "GET")
    wsgi(PageCacheApplication(django), article.get_absolute_url(), method, **environ)
    assert django.asked == [article.get_absolute_url()]


def test_with_the_cache_off_every_request_goes_on_to_django(client, health, settings):
    settings.PAGE_CACHE_SECONDS = 0
    article = ArticleFactory(category=health)
    client.get(article.get_absolute_url())
    django = RecordingDjango()
    wsgi(PageCacheApplication(django), article.get_absolute_url())
    assert django.asked == [article.get_absolute_url()]


@pytest.mark.parametrize(
    ("path", "environ"),
    [
        ("/tag/hearing/", {}),
        ("/search/?q=caf%C3%A9+%22hearing+aid%22&page=1", {}),  # quoted, non-ASCII, a phrase
        ("/search/?q=a/b?c;d", {}),
        ("/tag/hearing/", {"HTTP_COOKIE": "theme=dark; _pk_id=1.2"}),  # no session, no message
        ("/tag/hearing/", {"HTTP_ACCEPT_ENCODING": "gzip;q=0.5, br"}),
    ],
)
def test_the_hit_in_front_of_django_finds_the_page_django_stored(client, health, path, environ):
    ArticleFactory(category=health, tags=["hearing"])
    stored = client.get(path, **environ)
    assert stored["X-Cache"] == "miss"
    application = PageCacheApplication(django_must_not_answer)
    status, headers, body = wsgi(application, path, **environ)
    assert (status, headers["X-Cache"], body) == ("200 OK", "hit", stored.content)


def test_a_page_stored_over_https_behind_a_proxy_is_never_sent_over_http(client, health, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    url = ArticleFactory(category=health).get_absolute_url()
    client.get(url, HTTP_X_FORWARDED_PROTO="https")
    django = RecordingDjango()
    application = PageCacheApplication(django)
    assert wsgi(application, url, HTTP_X_FORWARDED_PROTO="https")[1]["X-Cache"] == "hit"
    wsgi(application, url, HTTP_X_FORWARDED_PROTO="http")
    wsgi(application, url)
    assert django.asked == [url, url]


def test_a_host_no_longer_allowed_is_refused_though_it_was_served(client, health, settings):
    url = ArticleFactory(category=health).get_absolute_url()
    client.get(url)
    django = RecordingDjango()
    application = PageCacheApplication(django)
    assert wsgi(application, url)[1]["X-Cache"] == "hit"
    settings.ALLOWED_HOSTS = ["news.example.org"]
    wsgi(application, url)
    assert django.asked == [url]


def test_a_worker_keeps_pages_it_served_in_memory_until_content_changes(client, health):
    article = ArticleFactory(category=health)
    url = article.get_absolute_url()
    client.get(url)
    django = RecordingDjango()
    application = PageCacheApplication(django)
    assert wsgi(application, url)[1]["X-Cache"] == "hit"
    with mock.patch.object(cache, "get", wraps=cache.get) as shared_get:
        again = wsgi(application, url)
    assert again[1]["X-Cache"] == "hit"
    assert len(shared_get.call_args_list) == 1  # the content version, not the page
    article.title = "A corrected headline"
    article.save()
    wsgi(application, url)
    assert django.asked == [url]


def test_a_page_kept_in_memory_expires_with_the_stored_page(client, health, settings):
    settings.PAGE_CACHE_SECONDS = 30
    url = ArticleFactory(category=health).get_absolute_url()
    django = RecordingDjango()
    application = PageCacheApplication(django)
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        client.get(url)
        traveller.shift(timedelta(seconds=29))
        assert wsgi(application, url)[1]["X-Cache"] == "hit"
        traveller.shift(timedelta(seconds=2))
        wsgi(application, url)
    assert django.asked == [url]


def test_a_worker_keeps_no_more_pages_in_memory_than_its_allowance(client, health):
    urls = [ArticleFactory(category=health).get_absolute_url() for _ in range(3)]
    pages = [client.get(url).content for url in urls]
    application = PageCacheApplication(django_must_not_answer)
    application.MEMORY_BYTES = max(map(len, pages)) + 1  # room for one page at a time
    for url, page in [*zip(urls, pages, strict=True)] * 2:
        assert wsgi(application, url)[2] == page
        assert list(application.pages.values()) == [(mock.ANY, mock.ANY, page, mock.ANY)]
        assert application.size == len(page)


@pytest.fixture
def test_transaction_kept():
    """As Django's test client does: the test's transaction outlives each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_the_wsgi_application_fills_the_cache_through_django_then_answers(
    health, test_transaction_kept
):
    from newsroom.wsgi import application

    article = ArticleFactory(category=health)
    status, headers, body = wsgi(application, article.get_absolute_url())
    assert (status, headers["X-Cache"]) == ("200 OK", "miss")
    again = wsgi(application, article.get_absolute_url())
    assert again[0] == "200 OK"
    assert again[1]["X-Cache"] == "hit"
    assert again[2] == body
    assert wsgi(application, "/", HTTP_HOST="evil.example.com")[0].startswith("400")
