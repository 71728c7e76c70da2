import pytest
from reversion.models import Version

from articles.models import Article, ArticleAuthor
from tests.articles.admin_forms import change_url, form_data
from tests.articles.roles import make_user
from tests.factories import ArticleFactory, AuthorFactory, SourceFactory, byline, cite

pytestmark = pytest.mark.django_db
Status = Article.Status


@pytest.fixture
def editor(client):
    client.force_login(make_user("editor"))
    return client


def save(client, article, **changes):
    data = form_data(client.get(change_url(article))) | changes
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()


def versions(article):
    return list(Version.objects.get_for_object(article).order_by("pk"))


def test_every_admin_save_keeps_a_revision_with_its_inlines(editor):
    article = ArticleFactory(title="First title")
    cite(article, SourceFactory(name="Nature"))
    save(editor, article, title="Second title")
    save(editor, article, **{"title": "Third title", "citations-0-note": "March 2026"})
    first, second = versions(article)
    assert first.field_dict["title"] == "Second title"
    assert second.field_dict["title"] == "Third title"
    citation_versions = second.revision.version_set.exclude(pk=second.pk)
    assert [v.field_dict["note"] for v in citation_versions] == ["March 2026"]
    assert second.revision.user.username == "editor"


def test_history_lists_versions_and_compares_two(editor):
    article = ArticleFactory(title="Before", standfirst="Same standfirst for both versions here.")
    save(editor, article)
    save(editor, article, title="After")
    older, newer = versions(article)
    history = editor.get(change_url(article).replace("/change/", "/history/"))
    assert history.status_code == 200
    assert list(history.context["versions"]) == [newer, older]
    response = editor.get(
        change_url(article).replace("/change/", "/history/compare/"),
        {"from": older.pk, "to": newer.pk},
    )
    assert response.status_code == 200
    assert [(str(label), a, b) for label, a, b in response.context["rows"]] == [
        ("title", "Before", "After")
    ]
    assert "<del>Before</del>" in response.content.decode()


def test_compare_with_an_unknown_version_is_404(editor):
    article = ArticleFactory()
    url = change_url(article).replace("/change/", "/history/compare/")
    save(editor, article)
    version = versions(article)[0]
    for query in [{"from": 999, "to": version.pk}, {"from": "x", "to": version.pk}, {}]:
        assert editor.get(url, query).status_code == 404


def test_restore_brings_back_words_and_sources_but_not_the_status(editor):
    article = ArticleFactory(title="Original", status=Status.IN_REVIEW, published_at=None)
    cite(article, SourceFactory(name="Original source"))
    save(editor, article)
    old = versions(article)[0]
    save(editor, article, **{"title": "Rewritten", "citations-0-DELETE": "on"})
    Article.objects.filter(pk=article.pk).update(status=Status.UNPUBLISHED)
    assert not article.citations.exists()

    url = change_url(article).replace("/change/", f"/history/{old.pk}/")
    page = editor.get(url)
    assert page.status_code == 200
    assert Article.objects.get(pk=article.pk).title == "Rewritten"  # viewing changes nothing
    response = editor.post(url, form_data(page))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Original"
    assert [c.source.name for c in article.citations.all()] == ["Original source"]
    assert article.status == Status.UNPUBLISHED


def test_restoring_an_old_address_keeps_the_current_one_as_a_redirect(editor):
    article = ArticleFactory(slug="first-address", featured=True)
    save(editor, article)
    old = versions(article)[0]
    Article.objects.filter(pk=article.pk).update(featured=False)
    save(editor, article, slug="second-address")
    url = change_url(article).replace("/change/", f"/history/{old.pk}/")
    page = editor.get(url)
    assert page.context["adminform"].form.initial["slug"] == "first-address"
    assert editor.post(url, form_data(page)).status_code == 302
    article.refresh_from_db()
    assert (article.slug, article.state, article.featured) == (
        "first-address",
        Article.State.LIVE,
        False,
    )
    assert versions(article)[-1].field_dict["featured"] is False
    response = editor.get("/second-address/")
    assert (response.status_code, response["Location"]) == (301, "/first-address/")
    assert editor.get("/first-address/").status_code == 200


def test_a_version_naming_a_deleted_author_is_not_restored(editor):
    article = ArticleFactory(title="Original")
    author = AuthorFactory(name="Gone Writer")
    byline(article, author)
    save(editor, article)
    old = versions(article)[0]
    save(editor, article, **{"title": "Rewritten", "bylines-0-DELETE": "on"})
    author_pk = author.pk
    author.delete()

    url = change_url(article).replace("/change/", f"/history/{old.pk}/")
    response = editor.post(url, form_data(editor.get(url)), follow=True)
    assert "cannot be restored" in response.content.decode()
    assert not ArticleAuthor.objects.filter(author_id=author_pk).exists()
    assert Article.objects.get(pk=article.pk).title == "Rewritten"


@pytest.mark.parametrize("method", ["get", "post"])
def test_writers_cannot_open_or_restore_others_versions(client, method):
    writer, other = make_user("writer"), make_user("other_writer")
    article = ArticleFactory(status=Status.DRAFT, published_at=None, created_by=other)
    client.force_login(make_user("editor"))
    save(client, article, title="Other's words")
    version = versions(article)[0]
    client.force_login(writer)
    url = change_url(article).replace("/change/", f"/history/{version.pk}/")
    response = getattr(client, method)(url, {})
    assert response.status_code == 403
    compare = change_url(article).replace("/change/", "/history/compare/")
    assert client.get(compare, {"from": version.pk, "to": version.pk}).status_code == 403
    assert client.get("/admin/articles/article/recover/").status_code == 403


def test_workflow_steps_are_named_in_the_history(editor):
    article = ArticleFactory(status=Status.IN_REVIEW, published_at=None)
    data = form_data(editor.get(change_url(article))) | {"_workflow": "publish"}
    editor.post(change_url(article), data)
    editor.post(
        "/admin/articles/article/",
        {"action": "unpublish_selected", "_selected_action": [article.pk]},
    )
    comments = [v.revision.get_comment() for v in versions(article)]
    assert comments == ["No fields changed. Publish now.", "Unpublished with a bulk action."]
