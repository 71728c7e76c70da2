"""Lists of stories page the newest MAX_PAGES pages only: a page costs the same at any size."""

import re

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_pages(monkeypatch):
    monkeypatch.setattr("articles.pagination.MAX_PAGES", 2)  # 24 stories of 12 a page


def next_link(response):
    match = re.search(r'rel="next" href="([^"]+)"', response.text)
    return match and match.group(1).replace("&amp;", "&")


def test_a_reader_reaches_every_page_linked_and_then_the_archive(client, two_pages):
    health = CategoryFactory(name="Health")
    stories = [ArticleFactory(category=health) for _ in range(30)]
    url, pages, shown = health.get_absolute_url(), [], []
    while url:
        response = client.get(url if url.startswith("/") else health.get_absolute_url() + url)
        assert response.status_code == 200
        pages.append(response.context["page_obj"].number)
        shown += response.context["articles"]
        url = next_link(response)
    assert pages == [1, 2]
    assert shown == stories[:24]  # newest first, every one of them once
    assert "More than 24 stories" in response.text
    assert "Page 2 of 2" in response.text
    # The last page sends readers on to the month of its oldest story, which lists it.
    oldest = shown[-1].published_at
    month = reverse("articles:archive_month", args=[oldest.year, f"{oldest:%m}"])
    assert f'href="{month}"' in response.text
    assert shown[-1] in client.get(month).context["articles"]
    assert client.get(health.get_absolute_url() + "?page=3").status_code == 404


def test_a_short_list_is_counted_exactly(client, two_pages):
    health = CategoryFactory(name="Health")
    ArticleFactory.create_batch(5, category=health)
    ArticleFactory.create_batch(30)  # in other categories: not counted
    response = client.get(health.get_absolute_url())
    assert "5 stories" in response.text and "More than" not in response.text
    assert "Older stories are in the archive" not in response.text


def test_a_list_exactly_as_long_as_its_pages_is_not_more(client, two_pages):
    ArticleFactory.create_batch(48)  # two archive pages of 24
    response = client.get(reverse("articles:archive") + "?page=2")
    assert "48 stories" in response.text and "More than" not in response.text
    assert "Older stories are in the archive" not in response.text


def test_unpublished_stories_are_neither_counted_nor_paged(client, two_pages):
    health = CategoryFactory(name="Health")
    ArticleFactory.create_batch(3, category=health)
    ArticleFactory.create_batch(30, category=health, status="draft", published_at=None)
    response = client.get(health.get_absolute_url())
    assert "3 stories" in response.text and len(response.context["articles"]) == 3
