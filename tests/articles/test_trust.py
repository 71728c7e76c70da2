"""Trust indicators: a type of work on every story, and the policies behind the publication."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Correction, Page, WorkType
from tests.articles.test_seo import head
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

SCHEMA_TYPES = {
    "news": "ReportageNewsArticle",
    "analysis": "AnalysisNewsArticle",
    "explainer": "BackgroundNewsArticle",
    "opinion": "OpinionNewsArticle",
    "sponsored": "AdvertiserContentArticle",
}


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "https://news.example.org"


def policy_pages():
    for slug, role in [
        ("about", "about"),
        ("editorial-standards", "standards"),
        ("corrections", "corrections"),
    ]:
        Page.objects.create(title=slug, slug=slug, role=role, status="published")


def test_a_new_story_is_news():
    assert ArticleFactory().work_type == WorkType.NEWS


@pytest.mark.parametrize(("work_type", "schema_type"), SCHEMA_TYPES.items())
def test_every_type_of_work_is_labelled_and_typed(client, work_type, schema_type):
    story = ArticleFactory(work_type=work_type)
    page = head(client, story.get_absolute_url())
    news = page.graph(schema_type)
    assert news["headline"] == story.title
    assert news["genre"] == WorkType(work_type).label
    html = client.get(story.get_absolute_url()).text
    assert f'class="work-type work-type-{work_type}"' in html
    assert f">{WorkType(work_type).label}</span>" in html


def test_sponsored_content_says_so_in_words(client):
    html = client.get(ArticleFactory(work_type="sponsored").get_absolute_url()).text
    assert "<strong>Sponsored:</strong> Paid for by an advertiser" in html


def test_the_organization_links_its_policy_pages(client):
    policy_pages()
    organization = head(client, reverse("articles:home")).graph("NewsMediaOrganization")
    assert organization["publishingPrinciples"] == "https://news.example.org/editorial-standards/"
    assert organization["ethicsPolicy"] == "https://news.example.org/editorial-standards/"
    assert organization["correctionsPolicy"] == "https://news.example.org/corrections/"
    assert organization["ownershipFundingInfo"] == "https://news.example.org/about/"
    assert organization["masthead"] == "https://news.example.org/about/"


def test_without_policy_pages_no_policy_is_claimed(client):
    organization = head(client, reverse("articles:home")).graph("NewsMediaOrganization")
    assert "correctionsPolicy" not in organization


def test_a_story_links_the_corrections_policy_next_to_its_corrections(client):
    policy_pages()
    story = ArticleFactory()
    Correction.objects.create(article=story, text="A figure was wrong.")
    html = client.get(story.get_absolute_url()).text
    corrections = html[html.index('class="corrections"') : html.index("</section>")]
    assert 'href="/corrections/">our corrections policy</a>' in corrections


def test_the_demo_pages_fill_every_policy_property(client):
    call_command("load_demo", stdout=None)
    organization = head(client, reverse("articles:home")).graph("NewsMediaOrganization")
    for prop in ["publishingPrinciples", "correctionsPolicy", "ethicsPolicy", "masthead"]:
        assert organization[prop].startswith("https://news.example.org/")
