"""
A real headless Chromium (Debian's, at /usr/bin/chromium) driven by Playwright.

`make test-browser` runs these tests alone. Playwright never downloads a browser here: it drives
the machine's Chromium. In CI (`CI=true`) a missing Chromium fails the tests; elsewhere they skip.
"""

import contextlib
import os
import re
import threading
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 10_000


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    # Last, after pytest-django's ordering: Playwright's sync API keeps an asyncio loop running
    # on the main thread from the first browser test to the end of the session.
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        reason = f"No Chromium at {CHROMIUM}: `apt-get install chromium` (or set CHROMIUM=/path)."
        if os.environ.get("CI"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    # That loop would make Django refuse ORM calls from the tests ("async context"); the
    # tests and the live server are synchronous code, so the check does not apply.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


LATE_REQUESTS = re.compile(r"/(autosave|presence)/")


@pytest.fixture
def new_page(browser):
    """
    `new_page(**context_options)`: a tab in a fresh context (no cookies), closed after the test.
    `page.errors` collects what a reader's console would show in red.
    """
    contexts = []

    def new_page(**options):
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        return page

    yield new_page
    from playwright.sync_api import Error as PlaywrightError

    for context in contexts:
        # A closing editor tab sends its autosave: it must not reach a server whose test is over.
        with contextlib.suppress(PlaywrightError):  # a test may have closed it already
            context.route(LATE_REQUESTS, lambda route: route.abort())
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


# The live server's one request at a time (see live_server), answered only during a test.
ONE_REQUEST, SERVING = threading.Lock(), threading.Event()


@pytest.fixture(autouse=True)
def _serving():
    """
    The live server answers during each test only: a request still on its way from a closing
    tab (an editor's poll) would otherwise reach the database while it is emptied after the
    test ("FOREIGN KEY constraint failed" in the flush). Torn down before the database is.
    """
    SERVING.set()
    yield
    with ONE_REQUEST:  # The request being answered, if any, ends first.
        SERVING.clear()


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server):
    """
    pytest-django's live server, started once the test database exists: with SQLite in memory,
    its threads can only share the tests' connection if it is there when the server starts.
    They share that one connection, so requests are answered one at a time: two tabs polling
    at once (two editors on a story) would otherwise use it together ("bad parameter or other
    API misuse").
    """
    server = live_server.thread.httpd
    app = server.get_app()

    def one_at_a_time(environ, start_response):
        with ONE_REQUEST:
            if not SERVING.is_set():
                start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
                return [b"The test is over."]
            response = app(environ, start_response)
            try:
                return [b"".join(response)]
            finally:
                if hasattr(response, "close"):
                    response.close()

    server.set_app(one_at_a_time)
    return live_server
