"""Plain language: the Flesch reading ease of a story, shown to editors beside its word count."""

import pytest

from articles.readability import article_readability, flesch_reading_ease, syllables
from tests.articles.admin_forms import change_url
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

PLAIN = "<p>The cells lived longer. The mice did well. The team will test it in people next.</p>"
DENSE = (
    "<p>Chimeric antigen receptor immunotherapy demonstrated substantially prolonged "
    "persistence characteristics following intravenous administration in preclinical "
    "experimentation, notwithstanding considerable methodological heterogeneity.</p>"
)


@pytest.mark.parametrize(
    ("word", "count"),
    [("cat", 1), ("make", 1), ("table", 2), ("cured", 1), ("boxes", 2), ("wanted", 2),
     ("therapy", 3), ("immunotherapy", 6), ("82,474", 5)],
)  # fmt: skip
def test_syllables(word, count):
    assert syllables(word) == count


def test_flesch_reading_ease_on_known_sentences():
    # 10 words, 2 sentences, 11 syllables ("very" has two).
    assert flesch_reading_ease("The cat sat on the mat. It was very glad.").score == pytest.approx(
        206.835 - 1.015 * 10 / 2 - 84.6 * 11 / 10, abs=0.1
    )
    assert flesch_reading_ease("").score is None


def test_plain_text_scores_high_and_dense_text_low():
    plain = article_readability(ArticleFactory.build(body=PLAIN, standfirst="A short line."))
    dense = article_readability(ArticleFactory.build(body=DENSE))
    assert plain["body"].score > 80 and plain["body"].band in {"easy", "very easy"}
    assert dense["body"].score < 30 and dense["body"].band == "very difficult"
    assert plain["body"].words == 16


def test_the_story_form_shows_words_and_reading_ease_against_the_target(admin_client, settings):
    settings.READABILITY_TARGET = 60
    article = ArticleFactory(body=DENSE, standfirst="The cells lived longer in mice.")
    html = admin_client.get(change_url(article)).content.decode()
    assert "Plain language" in html
    body = article_readability(article)["body"]
    assert f"{body.words} words · reading ease <strong>{body.score:.0f}</strong>" in html
    assert "below our target of 60" in html
    settings.READABILITY_TARGET = -500
    assert "below our target" not in admin_client.get(change_url(article)).content.decode()
