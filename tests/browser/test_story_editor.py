"""An editor writes a story with a library image, a list and an embed; readers see them."""

import contextlib
import re
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from articles.demo.images import hero_jpeg
from articles.models import Article
from tests.articles.roles import make_user
from tests.factories import CategoryFactory, ImageFactory

pytestmark = pytest.mark.browser

EDITOR = '.ProseMirror[contenteditable="true"]'
VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


@pytest.fixture
def library_image():
    return ImageFactory(
        file=ContentFile(hero_jpeg("#15803d", "hedgehog", (1200, 800)), "hedgehog.jpg"),
        alt_text="A hedgehog crossing a lawn at dusk",
        caption="A hedgehog in a Bristol garden.",
        credit="Photo: Ada Lab",
    )


def click_closing(locator):
    """
    Click a button whose window closes itself on the click. Playwright can lose that race and
    report the window closed mid-click (microsoft/playwright#26900); the window closing is
    what the test waits for either way.
    """
    window = locator.page
    with contextlib.suppress(PlaywrightError), window.expect_event("close"):
        locator.click()
    if not window.is_closed():
        raise PlaywrightTimeout("the window stayed open after the click")


def log_in(page, live_server, width):
    make_user("editor")
    CategoryFactory(name="Health", slug="health")
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/admin/login/?next=/admin/articles/article/add/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/articles/article/add/")


@pytest.mark.parametrize("width", [1280, 820])
def test_an_editor_writes_a_story_with_a_library_image_a_list_and_an_embed(
    page, live_server, library_image, width
):
    log_in(page, live_server, width)
    title = page.get_by_label("Title:", exact=True)
    title.fill("Hedgehogs return to city gardens")
    assert title.bounding_box()["width"] > 0.6 * width
    page.get_by_label("Standfirst:", exact=True).fill("Volunteers counted more than in 2014.")
    page.get_by_label("Category:", exact=True).select_option(label="Health")
    editor = page.locator(EDITOR)
    assert editor.get_attribute("spellcheck") == "true"
    editor.click()
    page.keyboard.type("Counts rose in three cities.")
    page.keyboard.press("Enter")
    page.keyboard.type("- Bristol")  # "- " starts a bulleted list
    page.keyboard.press("Enter")
    page.keyboard.type("Leeds")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    assert re.fullmatch(r"\d+ words · 1 min read", page.locator(".body-word-count").inner_text())

    # The picture button, then "Browse..." opens the library; picking fills alt and caption.
    page.get_by_role("button", name="figure").click()
    dialog = page.locator("dialog[open]")
    with page.expect_popup() as popup_info:
        dialog.get_by_role("button", name="Browse...").click()
    picker = popup_info.value
    click_closing(picker.get_by_role("button", name=re.compile("A hedgehog crossing")))
    assert picker.is_closed()
    assert dialog.locator("input[name=altText]").input_value() == library_image.alt_text
    dialog.get_by_role("button", name="Insert").click()

    page.get_by_role("button", name="Embed a video or post").click()
    page.locator("dialog[open] input[name=url]").fill(VIDEO)
    page.locator("dialog[open]").get_by_role("button", name="Embed").click()
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url("**/admin/articles/article/")
    assert not page.errors

    article = Article.objects.get(title="Hedgehogs return to city gardens")
    assert f'data-file="{library_image.pk}"' in article.body
    assert 'data-embed-provider="youtube" data-embed-id="dQw4w9WgXcQ"' in article.body
    Article.objects.filter(pk=article.pk).update(status="published", published_at=timezone.now())

    third_party = []
    ours = urlsplit(live_server.url).netloc
    page.on("request", lambda r: urlsplit(r.url).netloc != ours and third_party.append(r.url))
    page.route(re.compile(r"https://www\.youtube-nocookie\.com/.*"), lambda r: r.fulfill(body=""))
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    figure = page.locator(".prose figure.figure")
    image = figure.locator("img")
    assert image.get_attribute("alt") == library_image.alt_text
    assert "480w" in image.get_attribute("srcset")
    assert figure.locator("figcaption").inner_text() == (
        "A hedgehog in a Bristol garden. Photo: Ada Lab"
    )
    items = page.locator(".prose li")
    assert items.all_inner_texts() == ["Bristol", "Leeds"]
    first, second = (item.bounding_box() for item in items.all())
    assert second["y"] - (first["y"] + first["height"]) < 12, "the list is double-spaced"

    assert not third_party, "nothing loads from YouTube before the reader asks"
    page.get_by_role("button", name="Load the YouTube video").click()
    frame = page.locator(".prose figure.embed iframe")
    assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/")
    assert not page.errors
