"""axe finds no serious or critical problem on the admin pages editors write in."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from articles.demo.images import hero_jpeg
from tests.articles.roles import make_user
from tests.factories import ArticleFactory, CategoryFactory, ImageFactory
from tests.newsletter.factories import EditionFactory

pytestmark = pytest.mark.browser


def serious_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


# Each width and each colour scheme once: the layout changes with the one, contrast with the other.
@pytest.mark.parametrize(("width", "scheme"), [(1280, "light"), (820, "dark")])
def test_the_customised_admin_pages_pass_axe(new_page, live_server, width, scheme):
    make_user("editor")
    image = ImageFactory(file=ContentFile(hero_jpeg("#0f766e", "a", (800, 450)), "a.jpg"))
    story = ArticleFactory(category=CategoryFactory(name="Health"), hero=image)
    ArticleFactory(published_at=timezone.now() + timedelta(days=1))  # on the calendar
    edition = EditionFactory(stories=[story])
    page = new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Log in").click()
    pages = [
        "/admin/",
        "/admin/articles/article/",
        "/admin/articles/article/calendar/",
        "/admin/articles/article/calendar/?view=week",
        "/admin/articles/article/add/",
        f"/admin/articles/article/{story.pk}/change/",
        "/admin/newsletter/edition/add/",
        f"/admin/newsletter/edition/{edition.pk}/change/",
        "/admin/articles/image/",
        f"/admin/articles/image/{image.pk}/change/",
        "/admin/articles/image/picker/",
    ]
    found = {}
    for path in pages:
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        if violations := serious_violations(page):
            found[path] = violations
    assert not found
