"""The header, footer and newsletter box, as a reader on a phone or a desktop sees them."""

import pytest

from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.browser

# WCAG 2 contrast ratio between an element's text colour and the background it sits on.
CONTRAST = """
    (element) => {
        const rgb = (value) => value.match(/[\\d.]+/g).slice(0, 3).map(Number);
        const luminance = ([r, g, b]) => {
            const [R, G, B] = [r, g, b].map((c) => {
                c /= 255;
                return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
            });
            return 0.2126 * R + 0.7152 * G + 0.0722 * B;
        };
        let node = element, background = "rgba(0, 0, 0, 0)";
        while (node && /rgba\\(.*, 0\\)$/.test(background)) {
            background = getComputedStyle(node).backgroundColor;
            node = node.parentElement;
        }
        const a = luminance(rgb(getComputedStyle(element).color));
        const b = luminance(rgb(background));
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }
"""


@pytest.fixture
def story(live_server):
    categories = [
        CategoryFactory(name=name, slug=name.lower(), emoji=emoji)
        for name, emoji in [("Health", "🏥"), ("Nature", "🌿"), ("Science", "🔬"), ("Planet", "🌍")]
    ]
    story = ArticleFactory(title="Longer-lived CAR-T cells", category=categories[0])
    return live_server.url + story.get_absolute_url()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_newsletter_box_is_readable_in_both_schemes(new_page, story, scheme):
    page = new_page(viewport={"width": 390, "height": 800}, color_scheme=scheme)
    page.goto(story)
    for selector in [".newsletter-box h2", ".newsletter-more a", ".newsletter-promise"]:
        ratio = page.locator(selector).evaluate(CONTRAST)
        assert ratio >= 4.5, (selector, ratio)
    field = page.locator("#newsletter-box-email").evaluate(CONTRAST)
    assert field >= 4.5


@pytest.mark.parametrize("width", [390, 1280])
def test_the_nav_fits_on_one_row_and_the_search_field_is_tall_enough(new_page, story, width):
    page = new_page(viewport={"width": width, "height": 800})
    page.goto(story)
    tops = page.locator(".nav li:visible").evaluate_all(
        "(items) => items.map((item) => Math.round(item.getBoundingClientRect().top))"
    )
    assert len(set(tops)) == 1, tops
    fits = page.locator(".nav").evaluate("(nav) => nav.scrollWidth <= nav.clientWidth")
    assert fits
    height = page.locator(".header-search").evaluate("(form) => form.offsetHeight")
    assert 38 <= height <= 44


def test_a_headline_never_breaks_at_its_hyphen(new_page, story):
    page = new_page(viewport={"width": 390, "height": 800})
    page.goto(story)
    lines = page.locator("h1 .nobr").evaluate_all(
        "(spans) => spans.map((span) => span.getClientRects().length)"
    )
    assert lines and set(lines) == {1}
