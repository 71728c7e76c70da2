"""Claim checks that know the evidence: each with a story that trips it and one that does not."""

import pytest

from articles.claims import claim_warnings
from articles.models import Study
from articles.prepublish import article_warnings
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db

BODY = "<p>The team measured what happened and reported it carefully.</p>"


def story(title="A careful finding", *, stage="phase_2", category=None, study=None, **fields):
    article = ArticleFactory(
        title=title,
        evidence_stage=stage,
        category=category or CategoryFactory(slug="science", name="Science"),
        **fields,
    )
    if study is not None:
        Study.objects.create(article=article, **study)
    return article


def warned(article, words):
    return any(words in warning for warning in claim_warnings(article))


@pytest.mark.parametrize(
    ("title", "stage", "study", "trips"),
    [
        ("Memory-like CAR-T cells last longer", "animal_study", None, True),
        ("Memory-like CAR-T cells last longer in mice", "animal_study", None, False),
        ("A drug that slows ageing", "phase_2", {"design": "animal_study"}, True),
        ("A drug slows ageing in zebrafish", "phase_2", {"design": "animal_study"}, False),
        ("New drug stops tumours growing", "lab_study", None, True),
        ("New drug stops tumour cells growing", "lab_study", None, False),
        ("Worms live longer on a new diet", "animal_study", {"population": "worms"}, False),
        ("A drug that slows ageing", "phase_2", None, False),
    ],
)
def test_a_preclinical_study_says_so_in_the_headline(title, stage, study, trips):
    article = story(title, stage=stage, study=study)
    assert warned(article, "The headline doesn't say") is trips


@pytest.mark.parametrize(
    ("title", "standfirst", "stage", "trips"),
    [
        ("A breakthrough for melanoma", "A vaccine reduced relapses.", "phase_2", True),
        ("A new hope for melanoma", "Doctors call it a miracle.", "phase_1", True),
        ("One baby cured of a rare disease", "A custom therapy.", "single_patient", True),
        ("A breakthrough for melanoma", "A vaccine reduced relapses.", "phase_3", False),
        ("A vaccine for melanoma", "A vaccine reduced relapses.", "phase_2", False),
        ("A fusion breakthrough", "More energy out than in.", "not_applicable", False),
    ],
)
def test_strong_words_wait_for_a_phase_3_trial(title, standfirst, stage, trips):
    article = story(title, stage=stage, standfirst=standfirst)
    assert warned(article, "keep such words for large phase 3 trials") is trips


def test_an_early_studys_hyped_headline_is_warned_about_once():
    article = story("A miracle cure in mice", stage="animal_study")
    hype = [w for w in article_warnings(article) if "hype" in w or "phase 3" in w]
    assert len(hype) == 1


@pytest.mark.parametrize(
    ("body", "trips"),
    [
        ("<p>Vaccinated infants had an 80% lower risk of hospital care.</p>", True),
        ("<p>Smokers were three times more likely to fall ill.</p>", True),
        ("<p>The drug cut the risk of relapse by 49%.</p>", True),
        ("<p>It halved the risk of a stroke.</p>", True),
        (
            "<p>An 80% lower risk: from 10 in 1,000 infants to 2 in 1,000.</p>",
            False,
        ),
        ("<p>Relapses fell from 40% to 22% of patients.</p>", False),
        ("<p>The drug cut the risk of relapse by 49%, or 4 percentage points.</p>", False),
        ("<p>Four in five patients were still well after five years.</p>", False),
    ],
)
def test_a_relative_risk_comes_with_absolute_numbers(body, trips):
    assert warned(story(body=body), "is a relative change") is trips


@pytest.mark.parametrize(
    ("body", "is_preprint", "trips"),
    [
        (BODY, True, True),
        ("<p>The study has not yet been peer-reviewed.</p>", True, False),
        ("<p>The findings are yet to be peer reviewed.</p>", True, False),
        (BODY, False, False),
    ],
)
def test_a_preprint_is_labelled_as_not_yet_peer_reviewed(body, is_preprint, trips):
    article = story(body=body, study={"is_preprint": is_preprint})
    assert warned(article, "reports a preprint but never says so") is trips


def test_a_health_story_cites_a_study(health):
    assert warned(story(category=health), "This Health story cites no study")
    assert not warned(story(category=health, study={}), "This Health story cites no study")
    assert not warned(story(), "This Health story cites no study")  # Science


def test_each_warning_says_why_and_how_to_fix_it(health):
    article = story(
        "A breakthrough drug",
        stage="phase_2",
        category=health,
        body="<p>It was 3 times more likely to work.</p>",
    )
    Study.objects.create(article=article, is_preprint=True, design="animal_study")
    warnings = claim_warnings(article)
    assert len(warnings) == 4
    for warning in warnings:
        why, how = warning.split(":", 1)
        assert why and how.strip()
