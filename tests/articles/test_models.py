from datetime import timedelta

import pytest
import time_machine
from django.db import IntegrityError
from django.utils import timezone

from articles.models import Article, Citation, EvidenceStage
from tests.factories import ArticleFactory, CategoryFactory, SourceFactory, cite

pytestmark = pytest.mark.django_db

NOW = timezone.now()


@pytest.mark.parametrize(
    ("status", "published_at", "visible"),
    [
        (Article.Status.DRAFT, None, False),
        (Article.Status.DRAFT, NOW - timedelta(days=1), False),
        (Article.Status.IN_REVIEW, NOW - timedelta(days=1), False),
        (Article.Status.PUBLISHED, NOW + timedelta(days=1), False),
        (Article.Status.PUBLISHED, NOW - timedelta(days=1), True),
        (Article.Status.PUBLISHED, NOW - timedelta(seconds=1), True),
    ],
)
def test_published_truth_table(status, published_at, visible):
    article = ArticleFactory(status=status, published_at=published_at)
    assert (article in Article.objects.published()) is visible
    assert (article.state == Article.State.LIVE) is visible


@pytest.mark.parametrize(
    ("status", "published_at", "state"),
    [
        (Article.Status.DRAFT, None, Article.State.DRAFT),
        (Article.Status.DRAFT, NOW - timedelta(days=1), Article.State.DRAFT),
        (Article.Status.IN_REVIEW, None, Article.State.IN_REVIEW),
        (Article.Status.PUBLISHED, NOW + timedelta(days=1), Article.State.SCHEDULED),
        (Article.Status.PUBLISHED, NOW - timedelta(days=1), Article.State.LIVE),
        (Article.Status.UNPUBLISHED, NOW - timedelta(days=1), Article.State.UNPUBLISHED),
        (Article.Status.UNPUBLISHED, None, Article.State.UNPUBLISHED),
    ],
)
def test_state_truth_table(status, published_at, state):
    article = ArticleFactory(status=status, published_at=published_at)
    assert article.state == state
    for other in Article.State:
        assert (article in Article.objects.in_state(other)) is (other == state)


def test_states_explain_themselves_to_editors():
    assert all(state.explanation for state in Article.State)


def test_scheduled_story_appears_on_its_own_at_its_time():
    publish_at = timezone.now() + timedelta(hours=2)
    article = ArticleFactory(published_at=publish_at)
    assert article not in Article.objects.published()
    assert article in Article.objects.scheduled()
    with time_machine.travel(publish_at + timedelta(seconds=1)):
        assert article in Article.objects.published()
        assert article not in Article.objects.scheduled()


def test_publishing_without_a_date_publishes_now():
    article = ArticleFactory(status=Article.Status.PUBLISHED, published_at=None)
    assert article.published_at is not None
    assert article in Article.objects.published()


def test_database_refuses_a_published_story_without_date():
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    with pytest.raises(IntegrityError):
        Article.objects.filter(pk=article.pk).update(status=Article.Status.PUBLISHED)


def test_slugs_are_unique():
    ArticleFactory(slug="same-slug")
    with pytest.raises(IntegrityError):
        ArticleFactory(slug="same-slug")


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(1)">click</a>',
        '<p onclick="alert(1)">hi</p>',
        '<iframe src="https://evil.example"></iframe>',
        '<a href="JaVaScRiPt:alert(1)">x</a>',
        "<style>body{display:none}</style>",
    ],
)
def test_body_is_sanitised_on_every_save(payload):
    article = ArticleFactory(body=f"<p>Safe text</p>{payload}")
    article.refresh_from_db()
    lowered = article.body.lower()
    for bad in ("<script", "onerror", "onclick", "javascript:", "<iframe", "<style", "<img"):
        assert bad not in lowered
    assert "<p>Safe text</p>" in article.body


def test_sanitising_keeps_editorial_markup():
    body = (
        "<h2>What they found</h2><p><strong>Bold</strong> and <em>italic</em> with "
        '<a href="https://example.org/study">a link</a>.</p><ul><li>✅ One</li></ul>'
        "<ol><li>First</li></ol><blockquote><p>Paraphrase</p></blockquote>"
    )
    article = ArticleFactory(body=body)
    article.refresh_from_db()
    for kept in ("<h2>", "<strong>", "<em>", "<ul>", "<ol>", "<blockquote>", "✅ One"):
        assert kept in article.body
    assert 'href="https://example.org/study"' in article.body
    assert 'rel="noopener noreferrer"' in article.body


def test_sanitising_also_applies_on_later_saves():
    article = ArticleFactory()
    article.body = "<p>Edited</p><script>steal()</script>"
    article.save()
    article.refresh_from_db()
    assert article.body == "<p>Edited</p>"


def test_reading_time_follows_body_length():
    short = ArticleFactory(body="<p>" + "word " * 100 + "</p>")
    long = ArticleFactory(body="<p>" + "word " * 1000 + "</p>")
    assert short.reading_time == 1
    assert long.reading_time == 5


def test_citations_keep_their_order():
    article = ArticleFactory()
    journal, wire, lab = SourceFactory(name="Journal"), SourceFactory(name="Wire"), SourceFactory()
    cite(article, wire, journal, lab)
    assert [c.source for c in article.citations.all()] == [wire, journal, lab]


def test_citation_links_prefer_study_url_then_doi_then_source_home():
    article = ArticleFactory()
    source = SourceFactory(url="https://journal.example/")
    assert Citation(article=article, source=source).link == "https://journal.example/"
    doi = Citation(article=article, source=source, doi="10.1126/sciadv.abc123")
    assert doi.link == "https://doi.org/10.1126/sciadv.abc123"
    url = Citation(article=article, source=source, doi="10.1/x", url="https://study.example/")
    assert url.link == "https://study.example/"


def test_evidence_stage_explains_itself_to_readers():
    article = ArticleFactory(evidence_stage=EvidenceStage.ANIMAL_STUDY)
    assert article.evidence.label == "Animal study"
    assert "not yet in people" in article.evidence.explanation


def test_public_models_have_urls_and_names():
    article = ArticleFactory(category=CategoryFactory(name="Health", slug="health"))
    assert article.get_absolute_url() == f"/{article.slug}/"
    assert article.category.get_absolute_url() == "/category/health/"
    assert str(article) == article.title
    assert str(article.category) == "Health"
