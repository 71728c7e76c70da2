"""An editor writes a story in the admin's rich text editor (ProseMirror) and saves it."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.articles.roles import make_user
from tests.factories import CategoryFactory

pytestmark = pytest.mark.browser

HOSTILE_PASTE = (
    "<p>Pasted from a press release.</p>"
    "<script>window.pasted = 'script ran'</script>"
    '<p><img src="x" onerror="window.pasted = \'onerror ran\'">'
    "<a href=\"javascript:window.pasted = 'link ran'\">a link</a></p>"
)

EDITOR = '.ProseMirror[contenteditable="true"]'
PASTE = """
    ([editor, html]) => {
        const data = new DataTransfer();
        data.setData("text/html", html);
        data.setData("text/plain", "Pasted from a press release.");
        document.querySelector(editor).dispatchEvent(
            new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
    }
"""


@pytest.fixture
def editor_page(page, live_server):
    make_user("editor")
    CategoryFactory(name="Health", slug="health")
    page.goto(f"{live_server.url}/admin/login/?next=/admin/articles/article/add/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/articles/article/add/")
    return page


def start_story(page, title):
    page.get_by_label("Title:", exact=True).fill(title)
    page.get_by_label("Standfirst:", exact=True).fill("A short summary for readers.")
    page.get_by_label("Category:", exact=True).select_option(label="Health")
    editor = page.locator(EDITOR)
    editor.click()
    return editor


def save(page):
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url("**/admin/articles/article/")
    expect(page.locator(".messagelist .success")).to_be_visible()  # waits while the page loads


def test_bold_text_and_a_bulleted_list_are_saved(editor_page):
    page = editor_page
    editor = start_story(page, "Hedgehogs are back")
    page.keyboard.type("Counts rose in ")
    page.keyboard.press("Control+b")
    page.keyboard.type("every county")
    page.keyboard.press("Control+b")
    page.keyboard.type(" surveyed.")
    page.keyboard.press("Enter")
    page.keyboard.type("- Gardens with gaps in fences")  # "- " starts a bulleted list
    page.keyboard.press("Enter")
    page.keyboard.type("Fewer slug pellets")
    assert editor.locator("strong").inner_text() == "every county"
    assert editor.locator("ul li").count() == 2
    save(page)

    body = Article.objects.get(slug="hedgehogs-are-back").body
    assert "<strong>every county</strong>" in body
    assert "<ul>" in body
    assert "Gardens with gaps in fences" in body
    assert "Fewer slug pellets" in body


def test_a_pasted_script_runs_nowhere_and_is_not_stored(editor_page):
    page = editor_page
    start_story(page, "A pasted press release")
    page.evaluate(PASTE, [EDITOR, HOSTILE_PASTE])
    page.locator(EDITOR).get_by_text("Pasted from a press release.").wait_for()
    save(page)

    body = Article.objects.get(slug="a-pasted-press-release").body
    assert "Pasted from a press release." in body
    for trace in ("<script", "window.pasted", "onerror", "javascript:"):
        assert trace not in body
    assert page.evaluate("window.pasted") is None
    # The only complaint: the Content Security Policy refusing the pasted handler, as it should.
    assert [error for error in page.errors if "Content Security Policy" not in error] == []
