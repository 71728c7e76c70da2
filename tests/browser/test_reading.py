"""What a reader notices on a story page: keyboard access, images, colours, no errors."""

import pytest
from django.core.files.base import ContentFile

from articles.demo.images import hero_jpeg
from tests.factories import ArticleFactory, CategoryFactory, ImageFactory

pytestmark = pytest.mark.browser

# Long enough that the related-story cards start far below the first screen, past the
# distance at which Chromium starts fetching lazy images early.
LONG_BODY = "".join(
    f"<p>Paragraph {n}: the team measured what happened, step by step, and reported it with "
    "care so that readers can judge the finding for themselves.</p>"
    for n in range(120)
)

IMAGES_LOADED = """
    (selector) => [...document.querySelectorAll(selector)]
        .every((img) => img.complete && img.naturalWidth > 0)
"""

NOT_LOADED = """
    (selector) => [...document.querySelectorAll(selector)].every((img) => !img.naturalWidth)
"""
# Every address a <picture> may fetch: its <source> and <img> srcset candidates and src.
IMAGE_URLS = """
    (selector) => [...document.querySelectorAll(selector)].flatMap((picture) =>
        [...picture.querySelectorAll("source, img")].flatMap((element) => [
            element.getAttribute("src"),
            ...(element.getAttribute("srcset") || "").split(",").map((c) => c.trim().split(" ")[0]),
        ]).filter(Boolean).map((url) => new URL(url, location.href).href))
"""


def with_hero(article, colour="#0f766e"):
    jpeg = ContentFile(hero_jpeg(colour, article.slug, (960, 540)), "hero.jpg")
    article.hero = ImageFactory(file=jpeg, alt_text=f"Illustration for {article.title}")
    article.save(update_fields=["hero"])
    return article


@pytest.fixture
def story(live_server):
    health = CategoryFactory(name="Health", slug="health")
    article = with_hero(ArticleFactory(category=health, title="A gentle new treatment works"))
    article.body = LONG_BODY
    article.save()
    for _ in range(3):
        with_hero(ArticleFactory(category=health), colour="#7c3aed")
    with_hero(ArticleFactory(), colour="#facc15")
    return live_server.url + article.get_absolute_url()


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, story):
    page.goto(story)
    page.keyboard.press("Tab")
    skip_link = page.locator(":focus")
    assert skip_link.inner_text() == "Skip to content"
    assert skip_link.is_visible()
    box = skip_link.bounding_box()
    assert box["y"] >= 0  # shown on screen once focused, not left off the top

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    assert page.url.endswith("#main")
    # The next Tab continues inside the story, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


def test_hero_loads_at_once_and_card_images_only_when_scrolled_near(page, story):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(story)
    page.wait_for_load_state("networkidle")

    hero = page.locator(".hero img")
    assert hero.get_attribute("loading") is None
    assert hero.get_attribute("fetchpriority") == "high"
    assert page.evaluate(IMAGES_LOADED, ".hero img")

    cards = page.locator(".card img")
    assert cards.count() == 4
    for index in range(cards.count()):
        assert cards.nth(index).get_attribute("loading") == "lazy"
    card_urls = set(page.evaluate(IMAGE_URLS, ".card picture"))
    assert card_urls and not card_urls & set(requested)
    assert page.evaluate(NOT_LOADED, ".card img")

    page.locator(".card").last.scroll_into_view_if_needed()
    page.wait_for_function(IMAGES_LOADED, arg=".card img")
    assert card_urls & set(requested)


LAYOUT_SHIFT_OBSERVER = """
    window.layoutShift = 0;
    new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
            if (!entry.hadRecentInput) window.layoutShift += entry.value;
        }
    }).observe({type: "layout-shift", buffered: true});
"""


def test_images_arriving_late_shift_nothing_on_the_page(page, story):
    """Images carry width and height, so the page is laid out right before they arrive."""
    held = []
    page.route("**/media/**", lambda route: held.append(route))
    page.add_init_script(LAYOUT_SHIFT_OBSERVER)
    page.goto(story, wait_until="domcontentloaded")
    # Painted: the stylesheet is in and the page laid out, while the images are still held.
    page.wait_for_function("() => performance.getEntriesByName('first-contentful-paint').length")
    before = page.evaluate("() => document.querySelector('.prose').getBoundingClientRect().top")
    assert held, "the hero image should have been requested"
    assert page.evaluate(NOT_LOADED, ".hero img")

    for route in held:
        route.continue_()
    page.unroute("**/media/**")  # and let later requests through
    page.wait_for_function(IMAGES_LOADED, arg=".hero img")
    page.locator(".card").last.scroll_into_view_if_needed()
    page.wait_for_function(IMAGES_LOADED, arg="img")
    page.evaluate("() => window.scrollTo(0, 0)")

    after = page.evaluate("() => document.querySelector('.prose').getBoundingClientRect().top")
    assert page.evaluate("window.layoutShift") == 0  # the page's cumulative layout shift
    assert after == before


def test_story_and_home_page_log_no_console_errors(page, story, live_server):
    for url in (story, live_server.url + "/"):
        page.goto(url)
        page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")  # lazy images too
        page.wait_for_function(IMAGES_LOADED, arg="img")
        assert page.errors == [], url


def brightness(css_colour):
    """0 for black to 1 for white, from a computed "rgb(r, g, b)" colour."""
    red, green, blue = (
        int(part) / 255 for part in css_colour.split("(")[1].rstrip(")").split(",")[:3]
    )
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


@pytest.mark.parametrize(("scheme", "dark"), [("light", False), ("dark", True)])
def test_the_page_follows_the_readers_colour_scheme(new_page, story, scheme, dark):
    page = new_page(color_scheme=scheme)
    page.goto(story)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    text = page.evaluate("getComputedStyle(document.querySelector('.prose p')).color")
    if dark:
        assert brightness(background) < 0.1 < brightness(text)
    else:
        assert brightness(background) > 0.8 > brightness(text)


def test_the_story_reads_without_javascript(new_page, story):
    page = new_page(java_script_enabled=False)
    page.goto(story)
    assert page.get_by_role("heading", level=1).inner_text() == "A gentle new treatment works"
    assert page.get_by_text("Paragraph 0: the team measured").is_visible()
    assert page.locator(".hero img").is_visible()
