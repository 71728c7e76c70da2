"""The newsletter box on the home page, with JavaScript and without."""

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from newsletter.models import Subscriber
from tests.factories import ArticleFactory

pytestmark = pytest.mark.browser

ADDRESS = "reader@example.org"
CHECK_INBOX = "Please check your inbox"


@pytest.fixture
def home(live_server, settings):
    settings.TASKS = {
        "default": {
            "BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
            "QUEUES": ["default", "email"],
        }
    }
    settings.SITE_URL = live_server.url  # confirmation links lead back to this server
    # The form still needs its fresh timing token; no test waits out the minimum fill time.
    settings.NEWSLETTER_MIN_FILL_SECONDS = 0
    cache.clear()  # rate limits
    ArticleFactory()
    yield live_server.url + "/"
    cache.clear()


def confirmation_link(message):
    return re.search(r"https?://\S+/newsletter/confirm/\S+/", message.body).group()


def test_with_javascript_the_box_answers_in_place_and_the_link_confirms(page, home, mailoutbox):
    page.goto(home)
    page.evaluate("window.stillTheSamePage = true")
    box = page.locator(".newsletter-box")
    box.get_by_label("Email address").fill(ADDRESS)
    # Fetched when the form is first used: the page itself may come from a shared cache.
    page.wait_for_function("() => document.querySelector('[name=form_token]').value")
    box.get_by_role("button", name="Subscribe").click()

    expect(box.get_by_role("status")).to_contain_text(CHECK_INBOX)
    assert page.evaluate("window.stillTheSamePage") is True
    assert page.url == home
    expect(box.get_by_label("Email address")).to_have_value("")
    (message,) = mailoutbox
    assert message.to == [ADDRESS]

    page.goto(confirmation_link(message))
    assert Subscriber.objects.get(email=ADDRESS).status == Subscriber.Status.SUBSCRIBED
    assert page.errors == []


def test_without_javascript_the_box_still_subscribes(new_page, home, mailoutbox):
    page = new_page(java_script_enabled=False)
    page.goto(home)
    page.locator(".newsletter-box").get_by_label("Email address").fill(ADDRESS)
    page.locator(".newsletter-box").get_by_role("button", name="Subscribe").click()
    # A cached page cannot carry a timing token, so a page with one asks for a second press.
    expect(page.get_by_role("status")).to_contain_text("press the button again")
    expect(page.get_by_label("Email address")).to_have_value(ADDRESS)
    page.get_by_role("button", name="Subscribe").click()

    expect(page.get_by_role("status")).to_contain_text(CHECK_INBOX)
    (message,) = mailoutbox
    assert message.to == [ADDRESS]
    assert Subscriber.objects.get(email=ADDRESS).status == Subscriber.Status.PENDING
