"""Each kind of source is what it is: in the JSON-LD a consumer reads, and on the page."""

import json
import re

import pytest
from django.apps import apps

from articles.models import Source
from tests.factories import ArticleFactory, SourceFactory, cite

pytestmark = pytest.mark.django_db

migration = __import__("articles.migrations.0010_type_existing_sources", fromlist=["type_sources"])


def citations_of(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    (news,) = [
        node for node in json.loads(script)["@graph"] if node["@type"] == "ReportageNewsArticle"
    ]
    return news["citation"]


@pytest.mark.parametrize(
    ("kind", "schema_type"),
    [
        ("university", "CollegeOrUniversity"),
        ("research_institute", "ResearchOrganization"),
        ("hospital", "Hospital"),
        ("institution", "Organization"),
        ("news_wire", "NewsMediaOrganization"),
        ("news_outlet", "NewsMediaOrganization"),
        ("company", "Corporation"),
        ("researcher", "Person"),
        ("funder", "Organization"),
        ("government", "GovernmentOrganization"),
        ("regulator", "GovernmentOrganization"),
        ("other", "Organization"),
    ],
)
def test_a_source_that_is_not_a_work_is_the_creator_of_what_is_cited(client, kind, schema_type):
    article = ArticleFactory()
    cite(article, SourceFactory(name="The source", kind=kind, url="https://source.example/"))
    (work,) = citations_of(client, article)
    assert work["@type"] == "CreativeWork"
    assert work["creator"] == {
        "@type": schema_type,
        "name": "The source",
        "url": "https://source.example/",
    }


def test_a_journal_is_a_periodical_and_a_linked_paper_is_part_of_it(client):
    article = ArticleFactory()
    journal = SourceFactory(name="Science Advances", kind="journal", url="https://sciadv.example/")
    cite(article, journal)
    cite(article, journal, doi="10.1126/sciadv.abc123")
    periodical, paper = citations_of(client, article)
    assert periodical == {
        "@type": "Periodical",
        "name": "Science Advances",
        "url": "https://sciadv.example/",
    }
    assert paper["@type"] == "ScholarlyArticle"
    assert paper["isPartOf"]["@type"] == "Periodical"
    assert paper["identifier"]["value"] == "10.1126/sciadv.abc123"
    assert paper["sameAs"] == paper["url"] == "https://doi.org/10.1126/sciadv.abc123"


def test_a_researcher_has_honorific_and_affiliation(client):
    college = SourceFactory(name="Albert Einstein College of Medicine", kind="university")
    researcher = SourceFactory(
        name="Harris Goldstein", kind="researcher", url="", honorific_suffix="M.D.",
        affiliation=college,
    )  # fmt: skip
    article = ArticleFactory()
    cite(article, researcher)
    (work,) = citations_of(client, article)
    assert work["creator"] == {
        "@type": "Person",
        "name": "Harris Goldstein",
        "honorificSuffix": "M.D.",
        "affiliation": {
            "@type": "CollegeOrUniversity",
            "name": "Albert Einstein College of Medicine",
            "url": college.url,
        },
    }
    html = client.get(article.get_absolute_url()).content.decode()
    assert (
        f'<a href="{researcher.get_absolute_url()}">Harris Goldstein, M.D.</a> '
        '<span class="source-kind">(researcher, Albert Einstein College of Medicine)</span>'
    ) in html


def test_every_kind_has_a_type_and_a_label():
    for kind in Source.Kind:
        assert kind.schema_type and kind.reader_label


def test_the_data_migration_types_existing_sources_from_their_names():
    made = {
        name: SourceFactory(name=name, kind=kind)
        for name, kind in [
            ("Albert Einstein College of Medicine", "institution"),
            ("Einstein-Rockefeller-CUNY-Mount Sinai Center for AIDS Research", "institution"),
            ("Children's Hospital of Philadelphia", "institution"),
            ("The Rockefeller University", "institution"),
            ("Penn Medicine", "institution"),
            ("Harris Goldstein, M.D.", "researcher"),
            ("Robert Law", "researcher"),
        ]
    }
    made_names = list(made)
    migration.type_sources(apps, None)
    typed = {name: Source.objects.get(pk=source.pk) for name, source in made.items()}
    assert [(s.kind, s.name, s.honorific_suffix) for s in typed.values()] == [
        ("university", "Albert Einstein College of Medicine", ""),
        ("research_institute", made_names[1], ""),
        ("hospital", "Children's Hospital of Philadelphia", ""),
        ("university", "The Rockefeller University", ""),
        ("institution", "Penn Medicine", ""),
        ("researcher", "Harris Goldstein", "M.D."),
        ("researcher", "Robert Law", ""),
    ]
