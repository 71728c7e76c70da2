"""Copies for programs: full-text feeds, Markdown stories and pages, /llms.txt, social cards."""

import feedparser
import pytest
from django.urls import reverse

from articles.models import Page, SiteSettings
from tests.articles.test_query_budgets import BUDGET
from tests.articles.test_seo import head
from tests.factories import ArticleFactory, SourceFactory, cite

pytestmark = pytest.mark.django_db

BODY = (
    '<p>See <a href="/corrections/">our policy</a> and <a href="https://x.example/">this</a>.</p>'
)


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "https://news.example.org"


@pytest.mark.parametrize("feed", ["articles:feed_rss", "articles:feed_atom"])
def test_feeds_carry_the_full_sanitised_text_with_absolute_links(client, feed):
    story = ArticleFactory(body=BODY)
    Article = type(story)
    Article.objects.filter(pk=story.pk).update(body=BODY + "<script>alert(1)</script>")
    entry = feedparser.parse(client.get(reverse(feed)).content).entries[0]
    (full,) = [c.value for c in entry.content if "our policy" in c.value]
    assert 'href="https://news.example.org/corrections/"' in full
    assert "<script" not in full and "alert" not in full


def test_full_text_is_a_setting(client):
    ArticleFactory(body=BODY)
    site = SiteSettings.from_environment()
    site.full_text_feeds = False
    site.save()
    assert b"content:encoded" not in client.get(reverse("articles:feed_rss")).content


def test_a_story_has_a_markdown_copy_linked_from_its_page(client, django_assert_max_num_queries):
    story = ArticleFactory(title="Hedgehogs return", body=BODY, work_type="analysis")
    cite(story, SourceFactory(name="Nature", kind="journal"), doi="10.1038/abc123")
    markdown_url = reverse("articles:markdown", args=[story.slug])
    assert f'<link rel="alternate" type="text/markdown" href="{markdown_url}">' in (
        client.get(story.get_absolute_url()).text
    )
    with django_assert_max_num_queries(BUDGET):
        response = client.get(markdown_url)
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    text = response.text
    assert text.startswith("# Hedgehogs return\n")
    assert "- Type of work: Analysis" in text
    assert "[our policy](https://news.example.org/corrections/)" in text
    assert "- Nature (Journal) <https://doi.org/10.1038/abc123>" in text


def test_markdown_copies_are_published_only(client):
    draft = ArticleFactory(status="draft", published_at=None)
    Page.objects.create(title="Secret", slug="secret", status="draft")
    assert client.get(reverse("articles:markdown", args=[draft.slug])).status_code == 404
    assert client.get(reverse("articles:markdown", args=["secret"])).status_code == 404


def test_a_page_has_a_markdown_copy(client):
    Page.objects.create(title="About us", slug="about", body=BODY, status="published")
    text = client.get("/about.md").text
    assert text.startswith("# About us\n")
    assert 'type="text/markdown" href="/about.md"' in client.get("/about/").text


def test_llms_txt_describes_the_publication(client, django_assert_max_num_queries):
    story = ArticleFactory(title="Hedgehogs return")
    ArticleFactory(title="Unpublished plan", status="draft", published_at=None)
    Page.objects.create(title="About us", slug="about", status="published")
    with django_assert_max_num_queries(BUDGET):
        response = client.get("/llms.txt")
    text = response.text
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert text.startswith("# Good News Daily") or text.startswith("# ")
    assert f"https://news.example.org/{story.slug}.md" in text
    assert f"{story.category.name}](https://news.example.org/category/" in text
    assert "https://news.example.org/about.md" in text
    assert "Unpublished plan" not in text


def test_social_cards_carry_image_alt_and_the_publication_account(client):
    site = SiteSettings.from_environment()
    site.x_handle = "goodnews"
    site.save()
    page = head(client, reverse("articles:home"))
    assert page.one("twitter:site") == "@goodnews"
    assert page.one("twitter:creator") == "@goodnews"
    assert page.one("twitter:image:alt") == page.one("og:image:alt")
