"""The Content Security Policy refuses nothing the site and the admin need (none of it inline)."""

from datetime import timedelta

import factory
import pytest
from django.urls import reverse
from django.utils import timezone

from tests.articles.roles import make_user
from tests.factories import ArticleFactory, CategoryFactory, ImageFactory
from tests.newsletter.factories import EditionFactory, SubscriberFactory

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
        window.cspViolations.push(
            `${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
"""


@pytest.fixture
def content():
    health = CategoryFactory(name="Health", slug="health", colour="#f59e0b")
    story = ArticleFactory(
        category=health,
        tags=["hope"],
        hero=ImageFactory(
            file=factory.django.ImageField(width=1200, height=675, format="JPEG"),
            alt_text="A clinic",
        ),
    )
    ArticleFactory(category=CategoryFactory(name="Nature", slug="nature"))
    edition = EditionFactory(stories=[story])
    SubscriberFactory()
    return {"story": story, "health": health, "edition": edition}


def assert_no_violations(page, url):
    response = page.goto(url)
    assert response.status < 500, url
    assert "content-security-policy" in response.headers, url
    page.wait_for_load_state("networkidle")
    violations = page.evaluate("window.cspViolations")
    refused = [error for error in page.errors if "Content Security Policy" in error]
    assert not violations and not refused, (url, violations, *refused)


def test_public_pages_break_no_rule(new_page, live_server, content):
    page = new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    for url in [
        reverse("articles:home"),
        content["story"].get_absolute_url(),
        content["health"].get_absolute_url(),
        reverse("articles:search") + "?q=story",
        reverse("articles:tag", args=["hope"]),
        reverse("newsletter:index"),
        "/no-such-page/",
    ]:
        assert_no_violations(page, live_server.url + url)
    # The category colours come from the stylesheet, not from style="".
    badge = page.goto(live_server.url + content["story"].get_absolute_url())
    assert badge.ok
    colour = page.locator(".badge").first.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour not in {"rgb(15, 118, 110)", ""}  # not the stylesheet's fallback


def test_admin_pages_break_no_rule(new_page, live_server, content):
    make_user("superuser")
    page = new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    assert_no_violations(page, live_server.url + reverse("admin:login"))
    page.get_by_label("Username").fill("superuser")
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"**{reverse('admin:index')}")
    story, edition = content["story"], content["edition"]
    # Something in each panel of the dashboard and on the calendar: a draft and a scheduled one.
    ArticleFactory(title="Tomorrow's story", published_at=timezone.now() + timedelta(days=1))
    ArticleFactory(title="A draft", status="draft", published_at=None)
    calendar = reverse("admin:articles_article_calendar")
    for url in [
        reverse("admin:index"),
        calendar,
        f"{calendar}?view=week",
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_changelist") + "?state=scheduled",
        reverse("admin:articles_article_add"),
        reverse("admin:articles_article_change", args=[story.pk]),
        reverse("admin:articles_article_history", args=[story.pk]),
        reverse("admin:newsletter_subscriber_changelist"),
        reverse("admin:newsletter_subscriber_import"),
        reverse("admin:newsletter_edition_add"),
        reverse("admin:newsletter_edition_change", args=[edition.pk]),
        reverse("newsletter:edition_preview", args=[edition.pk]),
        reverse("admin:articles_category_changelist"),
        reverse("admin:taggit_tag_changelist"),
        reverse("admin:articles_image_changelist"),
        reverse("admin:articles_image_add"),
        reverse("admin:articles_image_change", args=[story.hero_id]),
        reverse("admin:articles_image_picker"),
    ]:
        assert_no_violations(page, live_server.url + url)
    # The picker fills its grid from the library's JSON (connect-src) and shows the thumbnails.
    page.goto(live_server.url + reverse("admin:articles_image_picker"))
    page.locator(".image-picker-grid img").first.wait_for()
    assert not page.evaluate("window.cspViolations")
    # The prose editor came up, and the autocomplete pickers work.
    page.goto(live_server.url + reverse("admin:articles_article_add"))
    assert page.locator('.ProseMirror[contenteditable="true"]').is_visible()
    page.locator(".field-series .select2-selection").click()
    assert page.locator(".select2-container--open .select2-search__field").is_visible()
    assert not page.evaluate("window.cspViolations")
