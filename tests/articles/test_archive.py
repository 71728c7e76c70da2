"""The archive: every story by month, and past newsletters on the web with no personal link."""

from datetime import datetime, timedelta

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, short_address_taken
from newsletter.models import Edition
from tests.articles.test_query_budgets import BUDGET
from tests.factories import ArticleFactory
from tests.newsletter.factories import EditionFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def at(year, month, day=10):
    return timezone.make_aware(datetime(year, month, day, 9, 0))


def test_the_home_page_sends_later_pages_to_the_archive(client):
    response = client.get("/?page=2")
    assert response.status_code == 302
    assert response.url == "/archive/?page=2"


def test_the_archive_paginates_newest_first(client):
    stories = [ArticleFactory(published_at=at(2025, 1 + n % 12, 1 + n)) for n in range(30)]
    first = client.get(reverse("articles:archive"))
    second = client.get(reverse("articles:archive") + "?page=2")
    assert first.context["page_obj"].number == 1 and second.context["page_obj"].number == 2
    shown = [*first.context["articles"], *second.context["articles"]]
    assert len(shown) == 30 and set(shown) == set(stories)
    assert [s.published_at for s in shown] == sorted((s.published_at for s in shown), reverse=True)
    assert client.get(reverse("articles:archive") + "?page=3").status_code == 404


def test_a_month_lists_its_stories_and_links_its_neighbours(client):
    march = ArticleFactory(published_at=at(2026, 3), title="March story")
    ArticleFactory(published_at=at(2026, 1), title="January story")
    ArticleFactory(status="draft", published_at=None, title="Draft story")
    response = client.get(reverse("articles:archive_month", args=[2026, 3]))
    assert list(response.context["articles"]) == [march]
    assert "Stories from March 2026" in response.text
    assert 'href="/archive/2026/01/">← January 2026' in response.text
    assert client.get("/archive/2026/02/").status_code == 404
    assert client.get("/archive/2026/13/").status_code == 404


def test_the_months_with_stories_are_those_dates_gives(settings):
    settings.TIME_ZONE = "Europe/London"
    for when in [at(2025, 11), at(2026, 1, 31), at(2026, 3)]:
        ArticleFactory(published_at=when)
    # 00:30 in London on 1 July is still June in UTC: the month is the reader's.
    ArticleFactory(published_at=timezone.make_aware(datetime(2025, 7, 1, 0, 30)))
    ArticleFactory(status="draft", published_at=at(2025, 9))
    ArticleFactory(published_at=timezone.now() + timedelta(days=62))  # scheduled
    months = Article.objects.published_months()
    assert months == list(Article.objects.published().dates("published_at", "month", "DESC"))
    assert [f"{month:%Y-%m}" for month in months] == ["2026-03", "2026-01", "2025-11", "2025-07"]


def test_no_story_no_month():
    ArticleFactory(status="draft", published_at=None)
    assert Article.objects.published_months() == []


def test_the_archive_is_a_reserved_story_address(client):
    assert reverse("articles:archive") == "/archive/"
    assert short_address_taken("archive")


@pytest.fixture
def sent_edition():
    story = ArticleFactory(title="Hedgehogs are back")
    draft = ArticleFactory(title="Secret draft", status="draft", published_at=None)
    edition = EditionFactory(subject="This week: hedgehogs", stories=[story, draft])
    edition.status, edition.sent_at = Edition.Status.SENT, timezone.now()
    edition.save()
    return edition


def test_sent_editions_are_web_pages_without_personal_links(client, sent_edition):
    SubscriberFactory()
    EditionFactory(subject="Not sent yet")
    archive = client.get(reverse("newsletter:archive"))
    assert "This week: hedgehogs" in archive.text and "Not sent yet" not in archive.text
    page = client.get(reverse("newsletter:edition", args=[sent_edition.pk]))
    assert page.status_code == 200
    assert "Hedgehogs are back" in page.text and "Secret draft" not in page.text
    for personal in ["/newsletter/unsubscribe/", "/newsletter/preferences/", "__newsletter_"]:
        assert personal not in page.text and personal not in archive.text


def test_an_unsent_edition_is_not_public(client):
    edition = EditionFactory()
    assert client.get(reverse("newsletter:edition", args=[edition.pk])).status_code == 404


def test_the_editions_feed(client, sent_edition):
    feed = feedparser.parse(client.get(reverse("newsletter:feed")).content)
    assert [entry.title for entry in feed.entries] == ["This week: hedgehogs"]
    assert feed.entries[0].link.endswith(f"/newsletter/archive/{sent_edition.pk}/")
    assert "Secret draft" not in feed.entries[0].summary


ARCHIVE_URLS = ["/archive/", "/archive/2026/03/", "/newsletter/archive/", "edition"]


@pytest.mark.parametrize("url", ARCHIVE_URLS)
def test_archive_query_budgets(client, sent_edition, url, django_assert_max_num_queries):
    for n in range(30):
        ArticleFactory(published_at=at(2026, 3, 1 + n % 28))
    if url == "edition":
        url = reverse("newsletter:edition", args=[sent_edition.pk])
    with django_assert_max_num_queries(BUDGET):
        assert client.get(url).status_code == 200
