"""What a CDN in front of the site needs: purge keys on pages, a purge signal, cached media."""

import pytest
from django.core.cache import cache
from taggit.models import Tag

from articles.cache import pages_changed
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def test_pages_carry_purge_keys_for_fastly_and_cloudflare(client, health):
    article = ArticleFactory(category=health, tags=["hearing"])
    tag = Tag.objects.get(name="hearing")
    expected = {
        article.get_absolute_url(): f"pages article-{article.pk} category-{health.pk}",
        health.get_absolute_url(): f"pages category-{health.pk}",
        "/tag/hearing/": f"pages tag-{tag.pk}",
        "/": "pages home",
        "/search/?q=hearing": "pages search",
        "/feed/rss/": "pages feeds",
        "/category/health/feed/atom/": "pages feeds",
        "/sitemap.xml": "pages sitemaps",
    }
    for url, keys in expected.items():
        for attempt in ("miss", "hit"):  # the keys are stored with the cached page
            response = client.get(url)
            assert response["X-Cache"] == attempt
            assert response["Surrogate-Key"] == keys, url
            assert response["Cache-Tag"] == keys.replace(" ", ","), url


def test_private_pages_carry_no_purge_keys(client, health, admin_user):
    article = ArticleFactory(category=health)
    client.force_login(admin_user)
    assert "Surrogate-Key" not in client.get(article.get_absolute_url())


def test_a_committed_change_asks_to_purge_every_page(health, django_capture_on_commit_callbacks):
    sent = []

    def receiver(keys, **kwargs):
        sent.append(keys)

    pages_changed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            article = ArticleFactory(category=health)
            assert sent == []  # not before the change is committed
        assert sent and set(map(tuple, sent)) == {("pages",)}
        sent.clear()
        with django_capture_on_commit_callbacks(execute=True):
            article.title = "A new headline"
            article.save()
        assert sent[-1] == ["pages"]
    finally:
        pages_changed.disconnect(receiver)


def test_media_served_by_django_may_be_kept_for_good(client, settings):
    (settings.MEDIA_ROOT / "renditions").mkdir(parents=True)
    (settings.MEDIA_ROOT / "renditions" / "reef-640.webp").write_bytes(b"RIFF....WEBP")
    response = client.get("/media/renditions/reef-640.webp")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    response.close()
