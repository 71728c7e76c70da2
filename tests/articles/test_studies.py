"""The study behind a story: the box readers see, the Sources line, the JSON-LD, the admin."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from articles.demo.studies import load_studies
from articles.models import Article, Source, Study
from tests.articles.admin_forms import change_url, form_data
from tests.factories import ArticleFactory, SourceFactory, cite

pytestmark = pytest.mark.django_db


def page(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def news_article(html):
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    (news,) = [
        node for node in json.loads(script)["@graph"] if node["@type"] == "ReportageNewsArticle"
    ]
    return news


def text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def story(health):
    article = ArticleFactory(category=health, evidence_stage="real_world")
    Study.objects.create(
        article=article,
        title="Nirsevimab and RSV hospitalisation in infants",
        journal="NEJM Evidence",
        published="2025-02",
        doi="https://doi.org/10.1056/EVIDoa2400275",
        pmid="39812345",
        authors="Ada Lovelace, Alan Turing",
        design="real_world",
        population="infants in France",
        sample_size=82474,
    )
    cite(article, SourceFactory(name="NEJM Evidence", slug="nejm-evidence", kind="journal", url=""))
    return article


def test_the_study_box_says_what_kind_in_whom_how_many_where_and_when(client, story):
    html = page(client, story)
    (box,) = re.findall(r'<aside class="study-box".*?</aside>', html, re.S)
    assert text(box) == (
        "The study Nirsevimab and RSV hospitalisation in infants "
        "Kind of study Real-world data In whom Infants in France How many 82,474 "
        "Published in NEJM Evidence , peer-reviewed When February 2025 "
        "DOI 10.1056/EVIDoa2400275"
    )
    assert '<a href="https://doi.org/10.1056/EVIDoa2400275">10.1056/EVIDoa2400275</a>' in box
    assert html.index('class="evidence"') < html.index('class="study-box"')


def test_a_preprint_is_shown_as_not_yet_peer_reviewed(client, health):
    article = ArticleFactory(category=health)
    Study.objects.create(article=article, is_preprint=True, design="lab_study", population="cells")
    box = text(page(client, article))
    assert "Published in a preprint: not yet peer-reviewed" in box
    assert "peer-reviewed When" not in box


def test_the_sources_line_names_the_study_first(client, story):
    html = page(client, story)
    assert (
        '<strong>Sources:</strong>\n        <a href="https://doi.org/10.1056/EVIDoa2400275">'
        'Nirsevimab and RSV hospitalisation in infants</a> <span class="source-kind">(study)'
        '</span> · <a href="/source/nejm-evidence/">NEJM Evidence</a> '
        '<span class="source-kind">(journal)</span>'
    ) in html


def test_a_study_without_a_title_is_named_by_its_journal(client, health):
    article = ArticleFactory(category=health)
    Study.objects.create(article=article, journal="Science Advances", published="2026-03-13")
    html = page(client, article)
    assert "<strong>Sources:</strong>\n        The study in Science Advances" in html
    assert "13 March 2026" in html


def test_json_ld_cites_each_study_as_a_scholarly_article_with_its_doi(client, story):
    study, journal = news_article(page(client, story))["citation"]
    assert study == {
        "@type": "ScholarlyArticle",
        "name": "Nirsevimab and RSV hospitalisation in infants",
        "headline": "Nirsevimab and RSV hospitalisation in infants",
        "description": "Real-world data in infants in France",
        "isPartOf": {"@type": "Periodical", "name": "NEJM Evidence"},
        "datePublished": "2025-02",
        "author": [
            {"@type": "Person", "name": "Ada Lovelace"},
            {"@type": "Person", "name": "Alan Turing"},
        ],
        "identifier": [
            {"@type": "PropertyValue", "propertyID": "DOI", "value": "10.1056/EVIDoa2400275"},
            {"@type": "PropertyValue", "propertyID": "PMID", "value": "39812345"},
        ],
        "sameAs": "https://doi.org/10.1056/EVIDoa2400275",
        "url": "https://doi.org/10.1056/EVIDoa2400275",
    }
    assert journal["@type"] == "Periodical"


@pytest.mark.parametrize(
    ("field", "value"),
    [("doi", "10.1056"), ("doi", "sciadv.abc123"), ("pmid", "PMC123"), ("published", "2026-13")],
)
def test_malformed_identifiers_and_dates_are_refused(field, value):
    study = Study(article=ArticleFactory(), **{field: value})
    with pytest.raises(ValidationError) as error:
        study.full_clean()
    assert field in error.value.message_dict


def test_a_pasted_doi_link_is_stored_as_the_doi():
    study = Study.objects.create(article=ArticleFactory(), doi=" doi:10.1126/sciadv.abc123 ")
    assert study.doi == "10.1126/sciadv.abc123"


def test_an_editor_adds_a_study_inline_on_the_story_form(admin_client):
    article = ArticleFactory()
    response = admin_client.get(change_url(article))
    data = form_data(response) | {
        "studies-TOTAL_FORMS": "1",
        "studies-0-doi": "10.1126/sciadv.abc123",
        "studies-0-journal": "Science Advances",
        "studies-0-published": "2026-03-13",
        "studies-0-design": "animal_study",
        "studies-0-population": "mice",
        "studies-0-position": "0",
    }
    response = admin_client.post(change_url(article), data)
    assert response.status_code == 302, response.context["inline_admin_formsets"]
    (study,) = article.studies.all()
    assert (study.journal, study.population) == ("Science Advances", "mice")


def test_the_demo_studies_load_after_the_stories_and_cite_no_invented_doi(client):
    call_command("load_demo")
    studies = load_studies()
    assert load_studies() and Study.objects.count() == len(studies)  # idempotent
    assert not any(study.doi for study in Study.objects.all())
    car_t = Article.objects.get(slug="memory-like-car-t-cells-last-longer-in-mice")
    (study,) = car_t.studies.all()
    assert (study.journal, study.published, study.population) == (
        "Science Advances",
        "2026-03-13",
        "mice",
    )
    goldstein = Source.objects.get(slug="harris-goldstein")
    assert goldstein.display_name == "Harris Goldstein, M.D."
    assert goldstein.affiliation.kind == "university"
    box = text(page(client, car_t))
    assert "Kind of study Animal study In whom Mice Published in Science Advances" in box
