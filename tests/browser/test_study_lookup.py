"""An editor pastes a DOI on the story form and the study's fields fill themselves in."""

import pytest

from tests.articles.roles import make_user
from tests.scholarly_stub import FOUND_DOI, MISSING_DOI

pytestmark = pytest.mark.browser


@pytest.fixture
def study_form(page, live_server, scholarly_stub):
    make_user("editor")
    page.goto(f"{live_server.url}/admin/login/?next=/admin/articles/article/add/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/articles/article/add/")
    page.locator(".add-row a", has_text="study").click()
    return page


def test_a_pasted_doi_fills_in_the_study(study_form):
    page = study_form
    page.locator("#id_studies-0-doi").fill(FOUND_DOI)
    page.get_by_role("button", name="Fill in from Crossref").click()
    page.get_by_text("Filled in from Crossref: check it.").wait_for()
    assert page.locator("#id_studies-0-title").input_value() == (
        "Memory-like CAR-T cells persist in vivo"
    )
    assert page.locator("#id_studies-0-journal").input_value() == "Science Advances"
    assert page.locator("#id_studies-0-published").input_value() == "2026-03-13"
    assert page.locator("#id_studies-0-authors").input_value() == "Ada Lovelace, Alan Turing"
    assert page.errors == []


def test_an_unknown_doi_says_so_and_leaves_the_fields_to_the_editor(study_form):
    page = study_form
    page.locator("#id_studies-0-title").fill("Typed by hand")
    page.locator("#id_studies-0-doi").fill(MISSING_DOI)
    page.get_by_role("button", name="Fill in from Crossref").click()
    page.get_by_text(f"Crossref has no record of the DOI {MISSING_DOI}.", exact=False).wait_for()
    assert page.locator("#id_studies-0-title").input_value() == "Typed by hand"
