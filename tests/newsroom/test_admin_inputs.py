"""Values an editor may type or paste into the admin: a form error or a 400, never a 500."""

import pytest
from django.urls import reverse

from articles.models import Article, Category
from newsletter.models import Edition, Subscriber
from tests.articles.admin_forms import form_data
from tests.articles.roles import make_user
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory, SourceFactory
from tests.newsletter.factories import EditionFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999"
NOT_IDS = ["abc", HUGE, "9223372036854775808", "1\x00", "1%00", "-1"]


@pytest.fixture
def admin_client(client):
    client.force_login(make_user("superuser"))
    client.raise_request_exception = False
    return client


CHANGELISTS = [
    ("articles_article", "published_at"),
    ("newsletter_subscriber", "created_at"),
    ("newsletter_edition", "created_at"),
]


@pytest.mark.parametrize(
    "query",
    [
        "{}__year=" + HUGE,
        "{}__year=abc",
        "{}__year=0",
        "{}__year=2026&{}__month=" + HUGE,
        "{}__year=2026&{}__month=13",
        "{}__year=2026&{}__month=2&{}__day=" + HUGE,
        "{}__year=2026&{}__month=2&{}__day=31",
        "{}__year=-2026",
    ],
)
@pytest.mark.parametrize(("name", "field"), CHANGELISTS)
def test_a_date_list_of_an_impossible_date_is_a_bad_request(admin_client, name, field, query):
    url = reverse(f"admin:{name}_changelist") + "?" + query.replace("{}", field)
    assert admin_client.get(url).status_code == 400


@pytest.mark.parametrize(("name", "field"), CHANGELISTS)
def test_a_date_list_of_a_real_date_shows(admin_client, name, field):
    url = reverse(f"admin:{name}_changelist")
    query = f"?{field}__year=2026&{field}__month=2&{field}__day=28"
    assert admin_client.get(url + query).status_code == 200


ACTIONS = [
    ("articles_article", "publish_selected", ArticleFactory),
    ("newsletter_subscriber", "export_csv", SubscriberFactory),
    ("newsletter_subscriber", "erase", SubscriberFactory),
    ("newsletter_edition", "send_test", EditionFactory),
    ("articles_category", "delete_selected", CategoryFactory),
    ("taggit_tag", "delete_selected", None),
]


@pytest.mark.parametrize("selected", [value for value in NOT_IDS if value != "-1"])
@pytest.mark.parametrize(("name", "action", "factory"), ACTIONS)
def test_a_bulk_action_on_a_selection_that_is_no_id_is_a_bad_request(
    admin_client, name, action, factory, selected
):
    if factory:
        factory()
    url = reverse(f"admin:{name}_changelist")
    response = admin_client.post(
        url, {"action": action, "_selected_action": ["1", selected], "index": "0"}
    )
    assert response.status_code == 400


def test_a_bulk_action_on_real_ids_still_runs(admin_client):
    story = ArticleFactory(status=Article.Status.IN_REVIEW, published_at=None)
    url = reverse("admin:articles_article_changelist")
    data = {"action": "publish_selected", "_selected_action": [str(story.pk)], "index": "0"}
    assert admin_client.post(url, data).status_code == 302
    story.refresh_from_db()
    assert story.status == Article.Status.PUBLISHED


def assert_form_error(response):
    assert response.status_code == 200
    errors = response.context["errors"]
    assert errors, "the form was accepted"


ARTICLE_FIELDS = [
    "related_articles",
    "series",
    "reviewed_by",
    "category",
    "bylines-0-author",
    "citations-0-source",
]


@pytest.mark.parametrize("value", NOT_IDS)
@pytest.mark.parametrize("field", ARTICLE_FIELDS)
@pytest.mark.parametrize("page", ["add", "change"])
def test_a_story_picker_given_no_id_is_a_form_error(admin_client, page, field, value):
    story = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    AuthorFactory()
    SourceFactory()
    args = [story.pk] if page == "change" else []
    url = reverse(f"admin:articles_article_{page}", args=args)
    data = form_data(admin_client.get(url), title="A new headline", slug="a-new-headline")
    if "-" in field:
        data[f"{field.split('-')[0]}-TOTAL_FORMS"] = "1"
    data[field] = [value] if field == "related_articles" else value
    assert_form_error(admin_client.post(url, data))
    assert not Article.objects.filter(title="A new headline").exists()


EDITION_FIELDS = ["categories", "links-0-article"]


@pytest.mark.parametrize("value", NOT_IDS)
@pytest.mark.parametrize("field", EDITION_FIELDS)
@pytest.mark.parametrize("page", ["add", "change"])
def test_an_edition_picker_given_no_id_is_a_form_error(admin_client, page, field, value):
    edition = EditionFactory(stories=[ArticleFactory()])
    args = [edition.pk] if page == "change" else []
    url = reverse(f"admin:newsletter_edition_{page}", args=args)
    data = form_data(admin_client.get(url), subject="A new subject")
    data[field] = [value] if field == "categories" else value
    assert_form_error(admin_client.post(url, data))
    assert not Edition.objects.filter(subject="A new subject").exists()


@pytest.mark.parametrize("value", NOT_IDS)
def test_a_subscribers_categories_given_no_id_is_a_form_error(admin_client, value):
    subscriber = SubscriberFactory(categories=[CategoryFactory()])
    url = reverse("admin:newsletter_subscriber_change", args=[subscriber.pk])
    data = form_data(admin_client.get(url), categories=[value])
    assert_form_error(admin_client.post(url, data))
    assert Subscriber.objects.get(pk=subscriber.pk).categories.count() == 1
    assert Category.objects.count() == 1


@pytest.mark.parametrize("object_id", NOT_IDS)
@pytest.mark.parametrize("name", ["articles_article", "newsletter_subscriber", "taggit_tag"])
def test_the_history_of_no_such_object_is_not_found(admin_client, name, object_id):
    ArticleFactory()
    response = admin_client.get(reverse(f"admin:{name}_history", args=[object_id]))
    assert response.status_code in {302, 404}  # Django's own answer to an unknown id is a 302
