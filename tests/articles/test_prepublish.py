import pytest

from articles.claims import health_story_without_study
from articles.models import Study
from articles.prepublish import article_blockers, article_warnings
from tests.factories import ArticleFactory as BareArticleFactory
from tests.factories import (
    AuthorFactory,
    CategoryFactory,
    ImageFactory,
    SourceFactory,
    byline,
    cite,
)

pytestmark = pytest.mark.django_db

NO_LINK = "No citation links to the primary study (add its URL or DOI, or the study's DOI or PMID)."


def ArticleFactory(**fields):  # noqa: N802 - a factory, bylined as every story should be
    article = BareArticleFactory(**fields)
    byline(article, AuthorFactory())
    return article


GOOD_DESCRIPTION = "A careful, well-sourced summary of the finding, in about a hundred characters."


def warnings_for(**fields):
    fields.setdefault("seo_description", GOOD_DESCRIPTION)
    return article_warnings(ArticleFactory(**fields))


def test_a_well_prepared_story_has_no_warnings(health):
    article = ArticleFactory(
        category=health, evidence_stage="phase_3", seo_description=GOOD_DESCRIPTION
    )
    cite(article, SourceFactory(), doi="10.1126/sciadv.abc123")
    Study.objects.create(article=article, design="phase_3", doi="10.1126/sciadv.abc123")
    assert article_warnings(article) == []


def test_health_story_without_a_source(health):
    article = ArticleFactory(category=health, evidence_stage="phase_2")
    assert article_warnings(article) == [
        "This Health story cites no source.",
        health_story_without_study(article, []),
    ]


def test_health_story_without_a_link_to_the_study(health):
    article = ArticleFactory(
        category=health, evidence_stage="phase_2", seo_description=GOOD_DESCRIPTION
    )
    cite(article, SourceFactory())
    Study.objects.create(article=article, design="phase_2")
    assert article_warnings(article) == [NO_LINK]


@pytest.mark.parametrize("identifier", [{"doi": "10.1126/sciadv.abc123"}, {"pmid": "39812345"}])
def test_the_study_s_own_doi_or_pmid_links_the_primary_study(health, identifier):
    article = ArticleFactory(
        category=health, evidence_stage="phase_2", seo_description=GOOD_DESCRIPTION
    )
    cite(article, SourceFactory())  # a name, no link
    Study.objects.create(article=article, design="phase_2", **identifier)
    assert article_warnings(article) == []


def test_a_study_with_a_doi_is_a_source_even_with_no_citation(health):
    article = ArticleFactory(
        category=health, evidence_stage="phase_2", seo_description=GOOD_DESCRIPTION
    )
    Study.objects.create(article=article, design="phase_2", doi="10.1126/sciadv.abc123")
    assert article_warnings(article) == []
    article.studies.update(doi="")
    assert article_warnings(article) == [NO_LINK]


def test_health_story_without_an_evidence_stage(health):
    article = ArticleFactory(category=health, seo_description=GOOD_DESCRIPTION)
    cite(article, SourceFactory(), url="https://example.org/study")
    Study.objects.create(article=article)
    assert article_warnings(article) == [
        "No evidence stage is set: readers should know how far this has got."
    ]


def test_other_categories_are_not_held_to_the_health_rules():
    assert warnings_for(category=CategoryFactory(slug="nature")) == []


@pytest.mark.parametrize(
    ("title", "stage", "warned"),
    [
        ("A cure for ageing in mice", "animal_study", True),
        ("Miracle molecule kills tumour cells", "lab_study", True),
        ("Breakthrough in the lab", "lab_study", True),
        ("A breakthrough heart drug", "phase_3", False),
        ("Curtains for cellular waste", "animal_study", False),
    ],
)
def test_hype_words_on_preclinical_studies(title, stage, warned):
    warnings = warnings_for(title=title, evidence_stage=stage)
    assert any("avoid hype" in warning for warning in warnings) is warned


@pytest.mark.parametrize(("length", "warned"), [(49, True), (50, False), (160, False), (161, True)])
def test_seo_description_length(length, warned):
    warnings = warnings_for(seo_description="x" * length)
    assert any("SEO description" in warning for warning in warnings) is warned


def test_the_standfirst_counts_when_there_is_no_seo_description():
    assert warnings_for(seo_description="", standfirst="Short.") == [
        "The SEO description (or standfirst) is 6 characters; 50 to 160 work best in search "
        "results."
    ]


def test_missing_alt_text():
    hero = ImageFactory.build(file="articles/x.jpg", alt_text="")
    article = BareArticleFactory.build(hero=hero, seo_description=GOOD_DESCRIPTION)
    assert article_warnings(article) == ["The hero image has no alt text."]
    hero.decorative = True
    assert article_warnings(article) == []


def test_medical_review_blocks_only_where_the_category_requires_it():
    required = CategoryFactory(requires_medical_review=True)
    assert article_blockers(ArticleFactory(category=CategoryFactory())) == []
    assert article_blockers(ArticleFactory(category=required))
    reviewer = AuthorFactory(credentials="PhD")
    reviewed = ArticleFactory(category=required, reviewed_by=reviewer, last_reviewed="2026-01-02")
    assert article_blockers(reviewed) == []


def test_a_story_without_byline():
    article = BareArticleFactory(seo_description=GOOD_DESCRIPTION)
    assert article_warnings(article) == ["The story has no byline: add its author."]
