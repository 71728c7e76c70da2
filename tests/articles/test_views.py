from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    SourceFactory,
    byline,
    cite,
)

pytestmark = pytest.mark.django_db


def test_article_page_shows_the_story(client, health):
    article = ArticleFactory(
        category=health, title="Longer-lived CAR-T cells", evidence_stage="animal_study"
    )
    byline(article, AuthorFactory(name="Ada Writer", credentials="M.D."))
    journal = SourceFactory(name="Science Advances", url="https://www.science.org/")
    cite(article, journal)
    cite(article, SourceFactory(name="EurekAlert", url=""))
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Longer-lived CAR-T cells" in html
    assert "🏥 Health" in html
    assert "Ada Writer, M.D." in html
    assert "Animal study:" in html
    assert "Sources:" in html
    # The source's page on this site, which links its own website.
    assert f'<a href="{journal.get_absolute_url()}">Science Advances</a>' in html


@pytest.mark.parametrize(
    ("status", "delta"),
    [
        (Article.Status.DRAFT, -1),
        (Article.Status.IN_REVIEW, -1),
        (Article.Status.PUBLISHED, 1),
    ],
)
def test_unpublished_stories_are_not_found(client, status, delta):
    article = ArticleFactory(status=status, published_at=timezone.now() + timedelta(days=delta))
    assert client.get(article.get_absolute_url()).status_code == 404


def test_unknown_slug_is_not_found(client):
    assert client.get("/no-such-story/").status_code == 404


def test_more_stories_panel_shows_three_newest_of_same_category(client, health, nature):
    article = ArticleFactory(category=health, published_at=timezone.now() - timedelta(days=10))
    newest = [ArticleFactory(category=health) for _ in range(4)]
    ArticleFactory(category=health, status=Article.Status.DRAFT)
    ArticleFactory(category=nature)
    response = client.get(article.get_absolute_url())
    assert "More Health Stories" in response.content.decode()
    assert list(response.context["more_stories"]) == newest[:3]


def test_also_like_prefers_pinned_then_shared_tags_then_recency(client, health, nature):
    article = ArticleFactory(category=health, tags=["cancer", "vaccines", "mrna"])
    recent = ArticleFactory(category=nature)
    one_tag = ArticleFactory(
        category=nature, tags=["cancer"], published_at=timezone.now() - timedelta(days=30)
    )
    two_tags = ArticleFactory(
        category=nature, tags=["cancer", "mrna"], published_at=timezone.now() - timedelta(days=60)
    )
    pinned = ArticleFactory(category=nature, published_at=timezone.now() - timedelta(days=90))
    ArticleFactory(
        category=nature, tags=["cancer", "mrna", "vaccines"], status=Article.Status.DRAFT
    )
    article.related_articles.add(pinned)
    response = client.get(article.get_absolute_url())
    assert response.context["also_like"] == [pinned, two_tags, one_tag]
    assert recent not in response.context["also_like"]
    assert "✨ You Might Also Like" in response.content.decode()


def test_also_like_tops_up_with_recent_stories_and_never_repeats(client, health, nature):
    article = ArticleFactory(category=health, tags=["cancer"])
    same_category = [ArticleFactory(category=health, tags=["cancer"]) for _ in range(3)]
    shared = ArticleFactory(
        category=nature, tags=["cancer"], published_at=timezone.now() - timedelta(days=50)
    )
    others = [ArticleFactory(category=nature) for _ in range(3)]
    response = client.get(article.get_absolute_url())
    also = response.context["also_like"]
    assert also == [shared, others[0], others[1]]
    assert not set(also) & set(same_category)
    assert article not in also


def test_home_lists_published_stories_only(client, health):
    lead = ArticleFactory(category=health, featured=True, title="The lead story")
    draft = ArticleFactory(category=health, status=Article.Status.DRAFT, title="A secret draft")
    response = client.get(reverse("articles:home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["lead"] == lead
    assert "A secret draft" not in html
    assert draft.title not in html


def test_home_lead_is_the_newest_featured_story_else_the_newest_and_never_repeated(client, health):
    now = timezone.now()
    stories = [
        ArticleFactory(category=health, published_at=now - timedelta(hours=n)) for n in range(8)
    ]
    response = client.get(reverse("articles:home"))
    assert response.context["lead"] == stories[0]
    assert response.context["latest"] == stories[1:7]

    featured = ArticleFactory(category=health, featured=True, published_at=now - timedelta(days=9))
    response = client.get(reverse("articles:home"))
    assert response.context["lead"] == featured
    assert response.context["latest"] == stories[:6]

    stories[3].featured = True
    stories[3].save()
    response = client.get(reverse("articles:home"))
    assert response.context["lead"] == stories[3]
    assert response.context["latest"] == stories[:3] + stories[4:7]


def test_category_page_lists_its_published_stories(client, health, nature):
    mine = ArticleFactory(category=health, title="Health good news")
    ArticleFactory(category=nature, title="Nature good news")
    response = client.get(health.get_absolute_url())
    assert response.status_code == 200
    assert list(response.context["articles"]) == [mine]
    assert client.get("/category/nope/").status_code == 404
