"""The admin's DOI and PMID lookup, against the stub of Crossref and E-utilities on loopback."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from articles.roles import WRITER
from tests.scholarly_stub import (
    BROKEN_DOI,
    FOUND_DOI,
    FOUND_PMID,
    MISSING_DOI,
    MISSING_PMID,
    SLOW_DOI,
)

pytestmark = pytest.mark.django_db

LOOKUP = reverse("admin:articles_study_lookup")


def lookup(client, **query):
    response = client.get(LOOKUP, query)
    return response.status_code, response.json()


def test_a_found_doi_fills_in_title_journal_date_and_authors(admin_client, scholarly_stub):
    status, answer = lookup(admin_client, doi=f"https://doi.org/{FOUND_DOI}")
    assert status == 200
    assert answer["fields"] == {
        "doi": FOUND_DOI,
        "title": "Memory-like CAR-T cells persist in vivo",
        "journal": "Science Advances",
        "published": "2026-03-13",
        "authors": "Ada Lovelace, Alan Turing",
        "is_preprint": False,
    }
    ((path, agent),) = scholarly_stub.requests
    assert path == f"/works/{FOUND_DOI}"
    assert "mailto:editors@news.example.org" in agent


def test_answers_are_cached(admin_client, scholarly_stub):
    lookup(admin_client, doi=FOUND_DOI)
    lookup(admin_client, doi=FOUND_DOI)
    assert len(scholarly_stub.requests) == 1


def test_a_missing_doi(admin_client, scholarly_stub):
    status, answer = lookup(admin_client, doi=MISSING_DOI)
    assert status == 404
    assert answer["error"] == (
        f"Crossref has no record of the DOI {MISSING_DOI}. Check it, or fill in the fields by hand."
    )


def test_a_malformed_doi_is_refused_without_asking_crossref(admin_client, scholarly_stub):
    status, answer = lookup(admin_client, doi="sciadv.abc123")
    assert status == 400
    assert "is not a DOI: a DOI looks like 10.1126/sciadv.abc123" in answer["error"]
    assert scholarly_stub.requests == []


def test_a_timeout_says_the_service_could_not_be_reached(admin_client, scholarly_stub):
    status, answer = lookup(admin_client, doi=SLOW_DOI)
    assert status == 504
    assert answer["error"] == (
        "Crossref could not be reached. Try again later, or fill in the fields by hand."
    )


def test_a_server_error(admin_client, scholarly_stub):
    status, answer = lookup(admin_client, doi=BROKEN_DOI)
    assert status == 502
    assert answer["error"].startswith("Crossref answered with an error (500).")


def test_nothing_listening(admin_client, scholarly_stub, settings):
    settings.CROSSREF_API_URL = "http://127.0.0.1:9"
    status, answer = lookup(admin_client, doi=FOUND_DOI)
    assert status == 504
    assert "could not be reached" in answer["error"]


def test_a_pmid_fills_in_from_pubmed(admin_client, scholarly_stub):
    status, answer = lookup(admin_client, pmid=FOUND_PMID)
    assert status == 200
    assert answer["fields"] == {
        "pmid": FOUND_PMID,
        "doi": "10.1056/EVIDoa2400275",
        "title": "Real-world effectiveness of nirsevimab in infants",
        "journal": "NEJM evidence",
        "published": "2025-02-15",
        "authors": "Carbajal R, Boelle PY",
    }
    ((path, _),) = scholarly_stub.requests
    assert path == "/esummary.fcgi"


def test_a_missing_and_a_malformed_pmid(admin_client, scholarly_stub):
    assert lookup(admin_client, pmid=MISSING_PMID)[0] == 404
    assert lookup(admin_client, pmid="PMC12345")[0] == 400
    assert len(scholarly_stub.requests) == 1


def test_only_staff_who_may_edit_studies_can_look_up(client, django_user_model, scholarly_stub):
    assert client.get(LOOKUP, {"doi": FOUND_DOI}).status_code == 302  # to the login page
    staff = django_user_model.objects.create_user("staff", password="pw", is_staff=True)
    client.force_login(staff)
    assert client.get(LOOKUP, {"doi": FOUND_DOI}).status_code == 403
    staff.groups.add(Group.objects.get(name=WRITER))
    staff = django_user_model.objects.get(pk=staff.pk)
    client.force_login(staff)
    assert client.get(LOOKUP, {"doi": FOUND_DOI}).status_code == 200


def test_the_story_form_offers_the_lookup(admin_client):
    html = admin_client.get(reverse("admin:articles_article_add")).content.decode()
    assert f'data-study-lookup="{LOOKUP}"' in html
    assert "js/study_lookup.js" in html
