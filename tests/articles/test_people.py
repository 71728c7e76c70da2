"""Author pages: who the person is, what they wrote and reviewed. Source pages: what kind."""

import pytest
from django.core.files.base import ContentFile

from articles.demo.images import hero_jpeg
from tests.articles.test_query_budgets import BUDGET
from tests.factories import ArticleFactory, AuthorFactory, SourceFactory, byline, cite

pytestmark = pytest.mark.django_db


def test_an_author_page_shows_photo_role_credentials_bio_written_and_reviewed(
    client, django_assert_max_num_queries
):
    author = AuthorFactory(
        name="Ada Writer",
        credentials="M.D.",
        role="Medical reviewer",
        bio="Ada checks the science.",
    )
    author.photo.save("ada.jpg", ContentFile(hero_jpeg("#334155", "ada", size=(400, 400))))
    written = ArticleFactory(title="Written by Ada")
    byline(written, author)
    reviewed = ArticleFactory(title="Reviewed by Ada", reviewed_by=author)
    ArticleFactory(title="Draft reviewed", reviewed_by=author, status="draft", published_at=None)
    with django_assert_max_num_queries(BUDGET):
        html = client.get(author.get_absolute_url()).text
    assert "<h1>Ada Writer, M.D.</h1>" in html
    assert "Medical reviewer" in html and "Ada checks the science." in html
    assert 'class="author-photo"' in html
    assert "Stories by Ada Writer" in html and written.title in html
    assert "Stories Ada Writer reviewed" in html and reviewed.title in html
    assert "Draft reviewed" not in html


def test_a_source_page_says_what_kind_of_source_it_is(client):
    journal = SourceFactory(name="Science Advances", kind="journal")
    cite(ArticleFactory(), journal)
    html = client.get(journal.get_absolute_url()).text
    assert '<p class="kind-label">Journal</p>' in html
