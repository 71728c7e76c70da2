"""
An editor writes a story, loses the tab, gets the text back, tags it by typing, previews,
schedules and publishes it; two editors on one story are told of each other.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article
from tests.articles.roles import make_user
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.browser

EDITOR = '.ProseMirror[contenteditable="true"]'
WIDTHS = [1280, 820]


def log_in(page, live_server, next_url, username="editor"):
    page.goto(f"{live_server.url}/admin/login/?next={next_url}")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"**{next_url}")


@pytest.mark.parametrize("width", WIDTHS)
def test_write_lose_the_tab_restore_tag_preview_schedule_publish(new_page, live_server, width):
    make_user("editor")
    CategoryFactory(name="Nature", slug="nature")
    for name in ["Royal Society Open Science", "Science"]:
        Tag.objects.create(name=name, slug=name.lower().replace(" ", "-"))
    page = new_page(viewport={"width": width, "height": 900})
    log_in(page, live_server, "/admin/articles/article/add/")

    page.get_by_label("Title:", exact=True).fill("Hedgehogs are back in town")
    page.get_by_label("Standfirst:", exact=True).fill("Counts rose for a third year running.")
    page.get_by_label("Category:", exact=True).select_option(label="Nature")
    page.locator(EDITOR).click()
    page.keyboard.type("Volunteers counted more hedgehogs.")
    page.get_by_text("Draft copy saved at").wait_for()
    page.keyboard.type(" The last words before the tab closed.")
    page.wait_for_timeout(700)  # the browser's copy follows every change at once
    context = page.context
    page.close()  # the tab is lost

    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.get_by_text("Restore unsaved changes from").wait_for()
    page.get_by_role("button", name="Restore").click()
    assert page.get_by_label("Title:", exact=True).input_value() == "Hedgehogs are back in town"
    body = page.locator(EDITOR)
    assert "The last words before the tab closed." in body.inner_text()

    tags = page.locator('input[name="tags"]')
    tags.click()
    tags.press_sequentially("science", delay=30)
    # A locator, not wait_for_function: the admin's CSP forbids evaluating strings.
    page.locator("#tag-suggestions option").nth(1).wait_for(state="attached", timeout=5000)
    tags.press("Enter")  # the exact match, not the first suggestion containing the word
    tags.press_sequentially("urban wildlife")
    tags.press("Enter")
    assert tags.input_value() == "Science, urban wildlife, "
    # What readers will see follows the form as it is typed.
    preview = page.locator(".share-preview")
    assert "Hedgehogs are back in town" in preview.locator(".search-result-title").inner_text()
    page.get_by_label("SEO title:", exact=True).fill("Hedgehogs return to towns")
    assert preview.locator(".social-card-title").inner_text() == "Hedgehogs return to towns"
    assert (
        preview.locator(".search-result-url").inner_text().endswith("/hedgehogs-are-back-in-town/")
    )

    page.get_by_role("button", name="Save and continue editing").click()
    page.wait_for_url("**/change/")
    article = Article.objects.get(title="Hedgehogs are back in town")
    assert sorted(article.tags.names()) == ["Science", "urban wildlife"]
    assert "The last words before the tab closed." in article.body

    with page.expect_popup() as popup:
        page.get_by_role("link", name="Preview", exact=True).click()
    preview = popup.value
    preview.wait_for_load_state()
    assert "Hedgehogs are back in town" in preview.content()
    preview.close()

    at = timezone.localtime() + timedelta(days=2)
    page.locator("#id_schedule_for_0").fill(at.strftime("%d/%m/%Y"))
    page.locator("#id_schedule_for_1").fill("09:30:00")
    page.get_by_role("button", name="Schedule", exact=True).click()
    page.get_by_text("Scheduled for").first.wait_for()
    article.refresh_from_db()
    assert article.state == Article.State.SCHEDULED
    # Each warning once, in the panel, not also as a message.
    warnings = page.locator(".messagelist .warning")
    assert warnings.count() == page.locator(".prepublish-checks .warning").count()

    page.get_by_role("button", name="Publish now").click()
    page.locator(".messagelist .success").wait_for()
    article.refresh_from_db()
    assert article.state == Article.State.LIVE
    assert page.get_by_role("button", name="Unpublish").is_visible()
    assert not page.errors


def test_two_editors_are_told_and_the_second_save_is_refused(new_page, live_server):
    make_user("editor")
    other = make_user("superuser")
    other.first_name = "Ana"
    other.save()
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None, title="Shared")
    url = f"/admin/articles/article/{article.pk}/change/"
    first = new_page(viewport={"width": 1280, "height": 900})
    log_in(first, live_server, url)
    second = new_page(viewport={"width": 1280, "height": 900})
    log_in(second, live_server, url, username="superuser")
    first.reload()
    # Up to one more presence ping (every 15 s) on a busy machine.
    first.get_by_text("Ana is also editing this story").wait_for(timeout=20_000)
    second.get_by_label("Title:", exact=True).fill("Second's title")
    second.get_by_role("button", name="Save and continue editing").click()
    second.wait_for_url(f"**{url}")
    first.get_by_label("Title:", exact=True).fill("First's title")
    first.get_by_role("button", name="Save and continue editing").click()
    first.get_by_text("your changes were not saved over theirs").wait_for()
    assert first.get_by_label("Title:", exact=True).input_value() == "First's title"
    assert first.get_by_role("link", name="Compare the versions in History").is_visible()
    assert Article.objects.get(pk=article.pk).title == "Second's title"
