"""
Every registered ModelAdmin, every view of it, for every role, with hostile ids and query
parameters: a page, a redirect, a 400, 403 or 404, never a 500 and never a story the user may not
see. Models registered later are covered as soon as they are.
"""

import json
import re

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse

from articles.models import ArticleAutosave
from tests.security.conftest import XSS_SHORT
from tests.security.test_routes import HUGE

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "writer", "editor", "newsletter_manager", "superuser"]
CHANGELIST_QUERIES = [
    {"q": "' OR 1=1 --"},
    {"q": "\x00"},
    {"p": HUGE},
    {"p": "-1"},
    {"o": "999.-abc"},
    {"all": ""},
    {"_to_field": "password"},
    {"id__in": "1,abc"},
    {"status__exact": "<script>"},
    {"_changelist_filters": "x=1&q=%00"},
]


MODEL_VIEWS = {"changelist", "add", "change", "history", "delete"}


def admin_urls(hostile):
    """Each view of each registered model, at real, huge and malformed ids."""
    for model in admin.site._registry:
        info = model._meta.app_label, model._meta.model_name
        yield reverse("admin:{}_{}_changelist".format(*info))
        yield reverse("admin:{}_{}_add".format(*info))
        first = model._default_manager.order_by("pk").first()
        pks = [HUGE, "abc", "-1", "1%00"] + ([str(first.pk)] if first else [])
        for pk in pks:
            for view in ["change", "history", "delete"]:
                yield reverse(f"admin:{info[0]}_{info[1]}_{view}", args=[pk])


def extra_admin_urls():
    """The views a ModelAdmin adds of its own (pickers, JSON, imports), at real and hostile ids."""
    for model, model_admin in admin.site._registry.items():
        prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
        first = model._default_manager.order_by("pk").first()
        pks = [HUGE, "0", "-1"] + ([str(first.pk)] if first else [])
        for pattern in model_admin.get_urls():
            name = getattr(pattern, "name", None)
            if not name or name.removeprefix(prefix) in MODEL_VIEWS:
                continue
            params = list(pattern.pattern.converters)
            for pk in pks if params else [None]:
                try:
                    yield reverse(f"admin:{name}", kwargs=dict.fromkeys(params, pk))
                except NoReverseMatch:
                    continue


def leaks(role, body):
    # Staff who cannot write stories see them all (articles.services.articles_visible_to).
    return role == "writer" and b"Secret draft headline" in body


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_view_for_every_role(client_for, hostile, role):
    client = client_for(role, raise_request_exception=False)
    failures, requests = [], 0
    for url in admin_urls(hostile):
        response = client.get(url)
        requests += 1
        if response.status_code not in {200, 302, 400, 403, 404}:
            failures.append((url, response.status_code))
        elif leaks(role, response.content):
            failures.append((url, "another writer's draft shown"))
        if role == "anonymous" and response.status_code == 200:
            failures.append((url, "shown to a stranger"))
    for url in extra_admin_urls():
        for query in [{}, *CHANGELIST_QUERIES]:
            response = client.get(url, query)
            requests += 1
            # 405: a view that only takes a POST (an upload).
            if response.status_code not in {200, 302, 400, 403, 404, 405}:
                failures.append((url, query, response.status_code))
            elif leaks(role, response.content):
                failures.append((url, query, "another writer's draft shown"))
            if role == "anonymous" and response.status_code == 200:
                failures.append((url, query, "shown to a stranger"))
    for model in admin.site._registry:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for query in CHANGELIST_QUERIES:
            response = client.get(url, query)
            requests += 1
            if response.status_code not in {200, 302, 400, 403, 404}:
                failures.append((url, query, response.status_code))
            elif leaks(role, response.content):
                failures.append((url, query, "another writer's draft shown"))
    assert failures == [], f"{len(failures)} of {requests} requests"


# The admin's own views beside the model views: the story calendar, autosave, presence, tag
# suggestions, version compare, study lookup, subscriber import and the edition's buttons.
SITE_ROUTES = {"index", "login", "logout", "password_change_done", "autocomplete", "jsi18n"}
STANDARD_VIEWS = re.compile(
    r"_(changelist|add|change|history|delete|recoverlist|recover|revision)$"
)
ROUTE_VALUES = [HUGE, "abc", "-1", "1%00", "0"]
POSTS = [
    {"article": HUGE},
    {"article": "abc"},
    {"article": "", "token": XSS_SHORT, "data": "{not json"},
    {"article": "", "token": "t", "data": '["a list"]'},
    {"article": "", "token": "t", "data": json.dumps({"title": [XSS_SHORT]})},
    {"discard": "1", "token": XSS_SHORT},
    {"tags": XSS_SHORT, "q": XSS_SHORT},
]


def custom_admin_routes():
    """(name, converter names) of each admin route a ModelAdmin adds to the standard views."""
    (admin_urls,) = [
        p for p in get_resolver().url_patterns if getattr(p, "namespace", "") == "admin"
    ]

    def walk(resolver):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern)
            elif pattern.name and not pattern.pattern.regex.groups - len(
                pattern.pattern.converters
            ):
                yield pattern.name, list(pattern.pattern.converters)

    for name, params in walk(admin_urls):
        if name in SITE_ROUTES or name == "view_on_site" or STANDARD_VIEWS.search(name):
            continue
        yield name, params


def custom_admin_urls(hostile):
    for name, params in custom_admin_routes():
        values = {
            "pk": [hostile["secret"].pk, hostile["story"].pk, *ROUTE_VALUES],
            "object_id": [hostile["secret"].pk, hostile["edition"].pk, *ROUTE_VALUES],
            "step": ["send_test", "schedule", "unschedule", XSS_SHORT],
        }
        combos = [{}]
        for param in params:
            combos = [c | {param: v} for c in combos for v in values.get(param, ROUTE_VALUES)]
        for kwargs in combos:
            try:
                yield reverse(f"admin:{name}", kwargs=kwargs)
            except NoReverseMatch:
                continue


def test_the_walk_reaches_the_admins_own_views():
    names = {name for name, _ in custom_admin_routes()}
    assert {
        "articles_article_calendar",
        "articles_article_autosave",
        "articles_article_presence",
        "articles_article_tags",
        "newsletter_edition_step",
    } <= names


@pytest.mark.parametrize("role", ROLES)
def test_the_admins_own_views_never_fail_or_leak(client_for, hostile, role, users):
    ArticleAutosave.objects.create(
        user=users["other_writer"],
        article=hostile["secret"],
        data={"title": ["Secret draft headline"]},
    )
    client = client_for(role, raise_request_exception=False)
    failures, requests = [], 0
    attempts = [("get", url, query) for url in custom_admin_urls(hostile) for query in [{}]]
    attempts += [
        ("get", url, query)
        for url in custom_admin_urls(hostile)
        for query in [*CHANGELIST_QUERIES[:3], {"view": "week", "date": "99999-99-99"}]
    ]
    attempts += [
        ("get", url, {"article": hostile["secret"].pk}) for url in custom_admin_urls(hostile)
    ]
    attempts += [("post", url, data) for url in custom_admin_urls(hostile) for data in POSTS]
    attempts += [
        ("post", url, {"article": hostile["secret"].pk, "data": "{}"})
        for url in custom_admin_urls(hostile)
    ]
    for method, url, data in attempts:
        response = getattr(client, method)(url, data)
        requests += 1
        body = response.content
        if response.status_code >= 500:
            failures.append((method, url, data, response.status_code))
        elif leaks(role, body):
            failures.append((method, url, data, "another writer's draft shown"))
        elif b"<svg onload" in body and response["content-type"].startswith("text/html"):
            failures.append((method, url, data, "markup reflected"))
        elif role == "anonymous" and response.status_code == 200:
            failures.append((method, url, data, "shown to a stranger"))
    assert failures == [], f"{len(failures)} of {requests} requests: {failures[:20]}"
    assert ArticleAutosave.objects.get(user=users["other_writer"]).data == {
        "title": ["Secret draft headline"]
    }


def test_a_writer_never_reaches_another_writers_draft(client_for, hostile):
    writer = client_for("writer")
    secret = hostile["secret"]
    for url in [
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_changelist") + "?q=Secret",
        reverse("admin:articles_article_change", args=[secret.pk]),
        reverse("admin:articles_article_history", args=[secret.pk]),
        reverse("admin:articles_article_delete", args=[secret.pk]),
        reverse("articles:preview", kwargs={"pk": secret.pk}),
        reverse("admin:autocomplete")
        + "?app_label=articles&model_name=article&field_name=related_articles&term=Secret",
        reverse("admin:autocomplete")
        + "?app_label=articles&model_name=slugredirect&field_name=article&term=Secret",
    ]:
        response = writer.get(url)
        assert response.status_code in {200, 302, 403, 404}, url
        assert b"Secret draft headline" not in response.content, url
    assert (
        client_for("other_writer")
        .get(reverse("admin:articles_article_change", args=[secret.pk]))
        .status_code
        == 200
    )


def test_the_view_on_site_shortcut_leaks_nothing(client_for, hostile):
    writer = client_for("writer")
    for obj in [hostile["secret"], hostile["subscriber"]]:
        kind = ContentType.objects.get_for_model(obj)
        response = writer.get(reverse("admin:view_on_site", args=[kind.pk, obj.pk]))
        assert response.status_code == 404, obj
    kind = ContentType.objects.get_for_model(hostile["story"])
    huge = writer.get(reverse("admin:view_on_site", args=[kind.pk, HUGE]))
    assert huge.status_code == 404


@pytest.mark.parametrize(
    "model", ["articles_article", "newsletter_subscriber", "newsletter_edition"]
)
def test_a_huge_date_hierarchy_year_is_not_a_500(client_for, hostile, model):
    client = client_for("superuser", raise_request_exception=False)
    response = client.get(
        reverse(f"admin:{model}_changelist"),
        {"created_at__year": "9" * 23, "published_at__year": "9" * 23},
    )
    assert response.status_code in {200, 302, 400}


@pytest.mark.parametrize(
    "selected",
    [
        *["abc", "1%00"],
        pytest.param(HUGE, id="huge"),
    ],
)
def test_a_bulk_action_on_a_hostile_selection_is_not_a_500(client_for, hostile, selected):
    client = client_for("superuser", raise_request_exception=False)
    for model, action in [
        ("articles_article", "publish_selected"),
        ("newsletter_subscriber", "export_csv"),
        ("newsletter_edition", "send_test"),
    ]:
        response = client.post(
            reverse(f"admin:{model}_changelist"),
            {"action": action, "_selected_action": [selected]},
        )
        assert response.status_code in {200, 302, 400}, model


@pytest.mark.parametrize(
    "value",
    [
        "abc",
        pytest.param(HUGE, id="huge"),
    ],
)
def test_a_hostile_related_id_is_a_form_error(client_for, hostile, value):
    client = client_for("superuser", raise_request_exception=False)
    story = hostile["story"]
    response = client.post(
        reverse("admin:articles_article_change", args=[story.pk]),
        {
            "title": "T",
            "slug": story.slug,
            "standfirst": "S",
            "category": story.category_id,
            "evidence_stage": story.evidence_stage,
            "series": value,
            "reviewed_by": value,
            "related_articles": [value],
            "bylines-TOTAL_FORMS": "1",
            "bylines-INITIAL_FORMS": "0",
            "bylines-0-author": value,
            "citations-TOTAL_FORMS": "0",
            "citations-INITIAL_FORMS": "0",
            "tags": value,
            "corrections-TOTAL_FORMS": "0",
            "corrections-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code in {200, 400}


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "\\\\evil.example",
        "https:evil.example",
        "javascript:alert(1)",
        " //evil.example",
        "/%09/evil.example",
    ],
)
def test_the_admin_login_never_redirects_off_site(client, users, next_url):
    response = client.post(
        reverse("admin:login") + "?next=" + next_url,
        {"username": "superuser", "password": "pw", "next": next_url},
    )
    assert response.status_code == 302
    assert response.url.startswith("/") and not response.url.startswith(("//", "/\\"))
    assert "evil.example" not in response.url or response.url.startswith("/%09")


def test_the_logout_and_password_pages_never_redirect_off_site(client_for):
    client = client_for("editor")
    response = client.post(reverse("admin:logout") + "?next=https://evil.example/")
    assert "evil.example" not in response.get("Location", "")


@pytest.mark.parametrize("role", ROLES)
def test_a_hostile_upload_to_the_image_library_is_refused(client_for, hostile, role):
    client = client_for(role, raise_request_exception=False)
    url = reverse("admin:articles_image_upload")
    for data in [
        {},
        {"file": "not a file", "alt_text": "\x00" * 300, "decorative": "maybe"},
        {"alt_text": "A", "focal_x": HUGE, "focal_y": "-1"},
    ]:
        response = client.post(url, data)
        assert response.status_code in {302, 400, 403}, (role, data, response.status_code)
    assert not hostile["image"].__class__.objects.exclude(pk=hostile["image"].pk).exists()
