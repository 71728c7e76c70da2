"""Pages (About, Privacy...): short addresses that never clash with a story's, drafts unseen."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from articles.demo.pages import PAGES_DIR, page_read
from articles.models import Article, Page, SlugRedirect
from tests.articles.admin_forms import change_url, form_data
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

PAGE_ADD_URL = reverse("admin:articles_page_add")


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.com", "pw"))
    return client


def make_page(**fields):
    return Page.objects.create(
        **{"title": "About us", "slug": "about", "body": "<p>Hello.</p>", "status": "published"}
        | fields
    )


def add_page(client, **fields):
    data = {"title": "About us", "slug": "about", "body": "<p>Hi</p>", "status": "published"}
    data |= {"role": "", "position": "0", "in_footer": "on"}
    return client.post(PAGE_ADD_URL, data | fields)


def test_a_published_page_is_served_at_its_short_address(client):
    page = make_page(body="<p>We report <script>x()</script>good news.</p>")
    assert page.get_absolute_url() == "/about/"
    response = client.get("/about/")
    assert response.status_code == 200
    assert response.templates[0].name == "articles/page_detail.html"
    assert b"<p>We report good news.</p>" in response.content


def test_a_draft_page_is_not_found_but_staff_can_preview_it(client, editor_client):
    page = make_page(status="draft")
    cache.clear()
    assert client.get("/about/").status_code == 404
    preview = editor_client.get(reverse("articles:page_preview", args=[page.pk]))
    assert preview.status_code == 200
    assert "no-cache" in preview["Cache-Control"]
    assert b"Readers cannot see this page" in preview.content


def test_preview_needs_permission(client, django_user_model):
    page = make_page(status="draft")
    client.force_login(django_user_model.objects.create_user("x", password="x", is_staff=True))
    assert client.get(reverse("articles:page_preview", args=[page.pk])).status_code == 404


def test_a_page_cannot_take_a_story_address(editor_client):
    ArticleFactory(slug="about")
    response = add_page(editor_client)
    assert response.status_code == 200
    assert "A story has (or had) this address" in str(response.context["adminform"].form.errors)
    assert not Page.objects.exists()


def test_a_page_cannot_take_an_old_story_address(editor_client):
    SlugRedirect.objects.create(old_slug="about", article=ArticleFactory())
    response = add_page(editor_client)
    assert "A story has (or had) this address" in str(response.context["adminform"].form.errors)


@pytest.mark.parametrize("slug", ["search", "newsletter", "admin"])
def test_a_page_cannot_take_the_address_of_another_view(editor_client, slug):
    response = add_page(editor_client, slug=slug)
    assert "belongs to another page" in str(response.context["adminform"].form.errors)


def test_a_story_cannot_take_a_page_address(editor_client):
    make_page()
    article = ArticleFactory()
    data = form_data(editor_client.get(change_url(article))) | {"slug": "about"}
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 200
    assert "A page has this address" in str(response.context["adminform"].form.errors["slug"])
    assert Article.objects.get(pk=article.pk).slug != "about"


def test_pages_keep_revisions_and_sanitise_through_the_admin(editor_client):
    response = add_page(editor_client, body='<p onclick="x()">Hi<img src=x></p>')
    assert response.status_code == 302
    page = Page.objects.get()
    assert page.body == "<p>Hi</p>"
    assert Version.objects.get_for_object(page).count() == 1


def test_saving_a_page_retires_cached_pages(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    page = make_page()
    assert client.get("/about/")["X-Cache"] == "miss"
    assert client.get("/about/")["X-Cache"] == "hit"
    page.title = "About this site"
    page.save()
    response = client.get("/about/")
    assert response["X-Cache"] == "miss"
    assert b"About this site" in response.content
    cache.clear()


def test_page_query_budget(client, django_assert_max_num_queries):
    make_page()
    with django_assert_max_num_queries(4):
        assert client.get("/about/").status_code == 200


def test_demo_pages_load_and_name_no_invented_address(settings):
    settings.DEFAULT_FROM_EMAIL = "Good News Daily <news@goodnews.example>"
    call_command("load_demo", stdout=None)
    slugs = set(Page.objects.published().values_list("slug", flat=True))
    assert {"about", "privacy", "contact", "editorial-standards", "corrections"} <= slugs
    privacy = Page.objects.get(slug="privacy")
    assert 'href="mailto:news@goodnews.example"' in privacy.body
    assert "{contact_email}" not in privacy.body
    for path in PAGES_DIR.glob("*.md"):
        front, _ = page_read(path)
        assert not Article.objects.filter(slug=front["slug"]).exists()


def test_the_404_page_has_no_canonical_link(client):
    response = client.get("/no-such-story/")
    assert response.status_code == 404
    assert b'rel="canonical"' not in response.content
    assert b"og:url" not in response.content
    assert b'<meta name="robots" content="noindex">' in response.content


def test_the_footer_links_pages_feeds_and_the_newsletter(client):
    make_page(title="Privacy policy", slug="privacy")
    make_page(title="Hidden", slug="hidden", in_footer=False)
    html = client.get("/").text
    footer = html[html.index('<footer class="site-footer">') :]
    assert 'href="/privacy/">Privacy policy</a>' in footer
    assert "Hidden" not in footer
    assert 'href="/feed/rss/"' in footer and 'href="/newsletter/"' in footer
    assert "© " in footer
