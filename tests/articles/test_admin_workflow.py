"""The workflow through the real admin pages, for every role."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from articles.demo.images import hero_jpeg
from articles.models import Article
from tests.articles.admin_forms import ADD_URL, CHANGELIST_URL, change_url, form_data
from tests.articles.roles import ROLES, make_users
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory, ImageFactory

pytestmark = pytest.mark.django_db
Status = Article.Status


@pytest.fixture
def users():
    return make_users()


def client_for(client, users, role):
    if role != "anonymous":
        client.force_login(users[role])
    return client


def own_story(users, status=Status.DRAFT, **fields):
    published = status in {Status.PUBLISHED, Status.UNPUBLISHED}
    fields.setdefault("published_at", timezone.now() - timedelta(days=1) if published else None)
    return ArticleFactory(status=status, created_by=users["writer"], **fields)


OPENS_CHANGE_FORM = {"writer", "editor", "superuser"}


@pytest.mark.parametrize("role", ROLES)
def test_who_can_open_a_writers_draft(client, users, role):
    article = own_story(users)
    response = client_for(client, users, role).get(change_url(article))
    if role == "anonymous":
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
    elif role in {"other_writer", "newsletter_manager"}:  # not even told it exists
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    else:
        assert response.status_code == 200
        assert response.context["has_change_permission"]


def test_newsletter_managers_see_live_stories_only_and_cannot_change_them(client, users):
    live = own_story(users, status=Status.PUBLISHED)
    draft = own_story(users, title="Embargoed finding")
    client = client_for(client, users, "newsletter_manager")
    listed = client.get(CHANGELIST_URL).context["cl"].result_list
    assert list(listed) == [live]
    response = client.get(change_url(live))
    assert response.status_code == 200
    assert not response.context["has_change_permission"]
    assert client.get(change_url(draft)).status_code == 302


def test_writers_see_only_their_own_stories_in_the_list(client, users):
    mine = own_story(users)
    theirs = ArticleFactory(status=Status.DRAFT, published_at=None, created_by=users["editor"])
    response = client_for(client, users, "writer").get(CHANGELIST_URL)
    assert list(response.context["cl"].result_list) == [mine]
    response = client_for(client, users, "editor").get(CHANGELIST_URL)
    assert set(response.context["cl"].result_list) == {mine, theirs}


def test_a_writer_adds_a_draft_bylined_to_them(client, users):
    client = client_for(client, users, "writer")
    data = form_data(client.get(ADD_URL)) | {
        "title": "Hedgehogs return",
        "slug": "hedgehogs-return",
        "standfirst": "They are back.",
        "category": CategoryFactory().pk,
        "status": Status.PUBLISHED,  # tampering: ignored
        "featured": "on",
    }
    response = client.post(ADD_URL, data)
    assert response.status_code == 302
    article = Article.objects.get(slug="hedgehogs-return")
    assert article.status == Status.DRAFT
    assert not article.featured
    assert article.published_at is None
    assert article.created_by == users["writer"]
    assert [byline.author for byline in article.bylines.all()] == [users["writer"].author]


def test_workflow_fields_are_read_only_for_everyone_on_the_form(client, users):
    article = own_story(users)
    for role in ["writer", "editor"]:
        response = client_for(client, users, role).get(change_url(article))
        form = response.context["adminform"].form
        assert not {"status", "published_at", "featured", "updated_at"} & set(form.fields)
    assert "schedule_for" in response.context["adminform"].form.fields


def test_post_tampering_does_not_publish(client, users):
    article = own_story(users, Status.IN_REVIEW)
    client = client_for(client, users, "writer")
    reviewer = AuthorFactory(credentials="M.D.")
    data = form_data(client.get(change_url(article))) | {
        "reviewed_by": reviewer.pk,
        "last_reviewed": "2026-01-01",
        "status": Status.PUBLISHED,
        "published_at_0": "2026-01-01",
        "published_at_1": "10:00",
        "featured": "on",
        "_workflow": "publish",
    }
    response = client.post(change_url(article), data, follow=True)
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    assert article.published_at is None
    assert not article.featured
    assert article.reviewed_by is None
    assert article.last_reviewed is None
    assert "you do not have permission" in response.content.decode()


def test_a_writer_cannot_read_other_drafts_by_pinning_them(client, users):
    article = own_story(users)
    secret = ArticleFactory(
        title="Embargoed merger", status=Status.DRAFT, published_at=None, created_by=users["editor"]
    )
    public = ArticleFactory(title="Out in the world")
    client = client_for(client, users, "writer")
    data = form_data(client.get(change_url(article)))
    response = client.post(change_url(article), data | {"related_articles": [secret.pk]})
    assert response.status_code == 200
    assert "Embargoed merger" not in response.content.decode()
    assert not article.related_articles.exists()
    response = client.post(change_url(article), data | {"related_articles": [public.pk]})
    assert response.status_code == 302
    assert list(article.related_articles.all()) == [public]


def test_a_writer_cannot_change_their_published_story(client, users):
    article = own_story(users, Status.PUBLISHED)
    client = client_for(client, users, "writer")
    data = form_data(client_for(client, users, "editor").get(change_url(article)))
    client.force_login(users["writer"])
    response = client.post(change_url(article), data | {"title": "Rewritten"})
    assert response.status_code == 403
    assert Article.objects.get(pk=article.pk).title == article.title


def press(client, article, action, **extra):
    data = form_data(client.get(change_url(article))) | {"_workflow": action, **extra}
    return client.post(change_url(article), data, follow=True)


def test_submit_then_publish_through_the_buttons(client, users):
    article = own_story(users)
    response = press(client_for(client, users, "writer"), article, "submit")
    assert response.redirect_chain[-1][0] == change_url(article)
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    buttons = [name for name, _ in response.context["workflow_actions"]]
    assert buttons == ["return_to_draft"]

    client.force_login(users["editor"])
    response = press(client, article, "publish")
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.published_at is not None
    assert [name for name, _ in response.context["workflow_actions"]] == [
        "unpublish",
        "feature",
        "mark_updated",
    ]


def test_schedule_through_the_button(client, users):
    article = own_story(users, Status.IN_REVIEW)
    at = timezone.localtime() + timedelta(days=2)
    response = press(
        client_for(client, users, "editor"),
        article,
        "schedule",
        schedule_for_0=at.strftime("%d/%m/%Y"),
        schedule_for_1=at.strftime("%H:%M:%S"),
    )
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.published_at == at.replace(microsecond=0)
    assert "Scheduled for" in response.content.decode()


def test_a_blocked_publication_is_explained(client, users):
    category = CategoryFactory(name="Health", slug="health", requires_medical_review=True)
    article = own_story(users, Status.IN_REVIEW, category=category)
    response = press(client_for(client, users, "editor"), article, "publish")
    assert Article.objects.get(pk=article.pk).status == Status.IN_REVIEW
    html = response.content.decode()
    assert "did not happen: Health stories need a medical review" in html


def test_checks_are_shown_as_warnings(client, users):
    category = CategoryFactory(name="Health", slug="health", requires_medical_review=True)
    article = own_story(
        users,
        Status.IN_REVIEW,
        category=category,
        title="Miracle cure",
        evidence_stage="lab_study",
        reviewed_by=AuthorFactory(credentials="M.D."),
        last_reviewed=timezone.localdate(),
    )
    client = client_for(client, users, "editor")
    html = client.get(change_url(article)).content.decode()
    assert "Before publishing" in html
    assert "This Health story cites no source." in html
    assert "The headline says “Miracle”, but this is an early lab study" in html
    response = press(client, article, "publish")
    assert Article.objects.get(pk=article.pk).status == Status.PUBLISHED  # warnings don't block
    html = response.content.decode()
    assert "Worth checking" in html
    assert html.count("This Health story cites no source.") == 1  # not a message as well


def test_a_story_without_byline_is_warned_about(client, users):
    article = ArticleFactory(status=Status.DRAFT, created_by=users["editor"])
    html = client_for(client, users, "editor").get(change_url(article)).content.decode()
    assert "The story has no byline: add its author." in html


def test_unknown_workflow_action_is_refused(client, users):
    article = own_story(users, Status.IN_REVIEW)
    response = press(client_for(client, users, "editor"), article, "explode")
    assert response.status_code == 200
    assert "Unknown workflow action." in response.content.decode()


QUERIES = {"changelist": 14}  # with 40 stories, each with two bylines, a citation and a tag

BULK_ACTIONS = {
    "publish_selected": (Status.IN_REVIEW, lambda a: a.status == Status.PUBLISHED),
    "unpublish_selected": (Status.PUBLISHED, lambda a: a.status == Status.UNPUBLISHED),
    "feature_selected": (Status.PUBLISHED, lambda a: a.featured),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", BULK_ACTIONS)
def test_bulk_actions_per_role(client, users, role, action):
    status, done = BULK_ACTIONS[action]
    stories = [own_story(users, status) for _ in range(2)]
    client = client_for(client, users, role)
    response = client.post(
        CHANGELIST_URL,
        {"action": action, "_selected_action": [story.pk for story in stories]},
        follow=True,
    )
    assert response.status_code == 200
    results = [done(Article.objects.get(pk=story.pk)) for story in stories]
    assert results == [role in {"editor", "superuser"}] * 2


BUTTONS = {
    "submit": (Status.DRAFT, Status.IN_REVIEW, {"writer", "editor", "superuser"}),
    "publish": (Status.IN_REVIEW, Status.PUBLISHED, {"editor", "superuser"}),
    "schedule": (Status.DRAFT, Status.PUBLISHED, {"editor", "superuser"}),
    "unpublish": (Status.PUBLISHED, Status.UNPUBLISHED, {"editor", "superuser"}),
    "feature": (Status.PUBLISHED, Status.PUBLISHED, {"editor", "superuser"}),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("button", BUTTONS)
def test_workflow_buttons_per_role(client, users, role, button):
    before, after, allowed = BUTTONS[button]
    article = own_story(users, before)
    # The page as an editor sees it, posted by `role`: a forged form must not get through.
    client.force_login(users["editor"])
    data = form_data(client.get(change_url(article))) | {"_workflow": button}
    if button == "schedule":
        at = timezone.localtime() + timedelta(days=2)
        data |= {"schedule_for_0": at.strftime("%d/%m/%Y"), "schedule_for_1": "09:00:00"}
    client.logout()
    response = client_for(client, users, role).post(change_url(article), data)
    article.refresh_from_db()
    if role in allowed:
        assert response.status_code == 302
        assert article.status == after
        assert article.featured is (button == "feature")
        if role != "editor" and role != "superuser":
            return
        page = client.get(change_url(article)).content.decode()
        assert 'value="unpublish" class="deletelink"' not in page  # no stray red ×
    else:
        assert response.status_code in {302, 403}
        assert article.status == before
        assert not article.featured


def test_bulk_publish_respects_the_medical_review(client, users):
    category = CategoryFactory(requires_medical_review=True, name="Health", slug="health")
    article = own_story(users, Status.IN_REVIEW, category=category)
    response = client_for(client, users, "editor").post(
        CHANGELIST_URL,
        {"action": "publish_selected", "_selected_action": [article.pk]},
        follow=True,
    )
    assert "need a medical review" in response.content.decode()
    assert Article.objects.get(pk=article.pk).status == Status.IN_REVIEW


def test_bulk_publish_reports_the_stories_it_skipped(client, users):
    ready = own_story(users, Status.IN_REVIEW)
    health = CategoryFactory(requires_medical_review=True, name="Health", slug="health")
    draft = own_story(users, Status.DRAFT, category=health)
    response = client_for(client, users, "editor").post(
        CHANGELIST_URL,
        {"action": "publish_selected", "_selected_action": [ready.pk, draft.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "1 story published." in html
    assert f"“{draft.title}” was not published: Health stories need a medical review" in html
    assert Article.objects.get(pk=draft.pk).status == Status.DRAFT


@pytest.mark.parametrize("role", ["writer", "other_writer", "newsletter_manager"])
def test_only_editors_delete(client, users, role):
    article = own_story(users)
    url = change_url(article).replace("/change/", "/delete/")
    response = client_for(client, users, role).post(url, {"post": "yes"})
    assert response.status_code in {302, 403}
    assert Article.objects.filter(pk=article.pk).exists()
    client.force_login(users["editor"])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()


def test_changelist_shows_badges_thumbnails_and_schedule(
    client, users, django_assert_max_num_queries
):
    author = AuthorFactory(name="Ada Writer")
    scheduled = own_story(
        users, Status.PUBLISHED, published_at=timezone.now() + timedelta(days=1), title="Later"
    )
    scheduled.bylines.create(author=author)
    hero = ImageFactory(file="articles/a.jpg", alt_text="A hedgehog")
    own_story(users, Status.PUBLISHED, hero=hero)
    for _ in range(20):
        own_story(users, Status.DRAFT).bylines.create(author=AuthorFactory())
    client = client_for(client, users, "editor")
    with django_assert_max_num_queries(14):
        response = client.get(CHANGELIST_URL)
    html = response.content.decode()
    assert 'class="status-badge"' in html
    assert ">Scheduled</span>" in html
    assert ">Draft</span>" in html
    assert "Ada Writer" in html
    assert '<img src="/media/articles/a.jpg"' in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("state=scheduled", {"Later"}),
        ("state=live", {"Now"}),
        ("state=draft", {"Draft"}),
        ("featured__exact=1", {"Now"}),
        ("evidence_stage__exact=animal_study", {"Draft"}),
        ("q=Nature+journal", {"Now"}),
    ],
)
def test_changelist_filters_and_search(client, users, query, expected):
    from tests.factories import SourceFactory, cite

    own_story(
        users, Status.PUBLISHED, published_at=timezone.now() + timedelta(days=1), title="Later"
    )
    now = own_story(users, Status.PUBLISHED, title="Now", featured=True)
    cite(now, SourceFactory(name="Nature journal"))
    own_story(users, Status.DRAFT, title="Draft", evidence_stage="animal_study")
    response = client_for(client, users, "editor").get(f"{CHANGELIST_URL}?{query}")
    assert {article.title for article in response.context["cl"].result_list} == expected


def test_dashboard_on_the_admin_index(client, users):
    own_story(users, Status.IN_REVIEW, title="Waiting for an editor")
    own_story(
        users, Status.PUBLISHED, published_at=timezone.now() + timedelta(days=1), title="Tomorrow"
    )
    own_story(
        users, Status.PUBLISHED, published_at=timezone.now() - timedelta(days=90), title="Old news"
    )
    ArticleFactory(status=Status.DRAFT, published_at=None, created_by=users["editor"], title="Mine")
    own_story(users, Status.DRAFT, title="A writer's draft")
    response = client_for(client, users, "editor").get("/admin/")
    panels = {panel.title: [a.title for a in panel.stories] for panel in response.context["panels"]}
    assert panels == {
        "In review": ["Waiting for an editor"],
        "Scheduled": ["Tomorrow"],
        "Drafts": ["A writer's draft", "Mine"],
        "Latest published": ["Old news"],  # whatever its age
    }
    html = response.content.decode()
    assert "Waiting for an editor" in html
    assert "/admin/articles/article/calendar/" in html
    client.force_login(users["writer"])
    panels = {panel.title: panel for panel in client.get("/admin/").context["panels"]}
    assert [a.title for a in panels["My drafts"].stories] == ["A writer's draft"]


def test_dashboard_shows_the_newsletter(client, users):
    from newsletter.models import Delivery, Edition, Subscriber

    subscriber = Subscriber.objects.create(email="a@example.org", status="subscribed")
    Subscriber.objects.create(email="b@example.org", status="pending")
    edition = Edition.objects.create(
        subject="Good news this week",
        status=Edition.Status.SENT,
        sending_started_at=timezone.now(),
        sent_at=timezone.now(),
    )
    Delivery.objects.create(edition=edition, subscriber=subscriber, status=Delivery.Status.SENT)
    html = client_for(client, users, "newsletter_manager").get("/admin/").content.decode()
    assert "1 receiving it" in html
    assert "Good news this week" in html
    assert "1 sent, 0 queued, 0 failed" in html
    client.force_login(users["writer"])
    assert "receiving it" not in client.get("/admin/").content.decode()


def many_stories(users, count=40):
    from tests.factories import SourceFactory, byline, cite

    now = timezone.now()
    for index in range(count):
        status = [Status.DRAFT, Status.IN_REVIEW, Status.PUBLISHED][index % 3]
        when = now + timedelta(days=index % 20 - 10, hours=index) if index % 3 == 2 else None
        article = own_story(users, status, published_at=when, title=f"Story {index}")
        byline(article, users["writer"].author, AuthorFactory())
        cite(article, SourceFactory())
        article.tags.add(f"tag-{index}")


def test_dashboard_queries_do_not_grow_with_the_stories(client, users, django_assert_num_queries):
    many_stories(users)
    client = client_for(client, users, "editor")
    client.get("/admin/")
    # session, user, the study-notices panel, 4 panels × (rows + count), newsletter 3
    with django_assert_num_queries(14):
        client.get("/admin/")


def test_calendar_month_and_week(client, users):
    now = timezone.localtime()
    scheduled = own_story(
        users, Status.PUBLISHED, published_at=now + timedelta(hours=1), title="Later today"
    )
    live = own_story(
        users, Status.PUBLISHED, published_at=now - timedelta(minutes=1), title="Out now"
    )
    own_story(users, Status.DRAFT, title="Undated draft")
    client = client_for(client, users, "writer")
    response = client.get(f"{CHANGELIST_URL}calendar/?date={now:%Y-%m-%d}")
    html = response.content.decode()
    assert response.status_code == 200
    assert f"{now:%B %Y}" in html
    assert change_url(scheduled) in html and change_url(live) in html
    assert "Undated draft" not in html
    assert 'data-state="scheduled"' in html and 'data-state="live"' in html
    assert 'rel="prev"' in html and 'rel="next"' in html
    week = client.get(f"{CHANGELIST_URL}calendar/?view=week&date={now:%Y-%m-%d}")
    assert len(week.context["calendar"].days) == 7
    assert "Later today" in week.content.decode()
    assert "/calendar/" in client.get(CHANGELIST_URL).content.decode()  # linked from the list


def test_calendar_shows_only_what_the_writer_may_open(client, users):
    theirs = ArticleFactory(status=Status.PUBLISHED, published_at=timezone.now(), title="Theirs")
    html = client_for(client, users, "writer").get(f"{CHANGELIST_URL}calendar/").content.decode()
    assert change_url(theirs) not in html
    client.logout()
    response = client.get(f"{CHANGELIST_URL}calendar/")
    assert response.status_code == 302


def test_calendar_queries_do_not_grow_with_the_stories(client, users, django_assert_num_queries):
    many_stories(users)
    client = client_for(client, users, "editor")
    with django_assert_num_queries(5):  # session, user, permissions ×2, the stories
        client.get(f"{CHANGELIST_URL}calendar/")


def test_changelist_queries_do_not_grow_with_the_stories(client, users, django_assert_num_queries):
    many_stories(users)
    client = client_for(client, users, "editor")
    client.get(CHANGELIST_URL)
    with django_assert_num_queries(QUERIES["changelist"]):
        client.get(CHANGELIST_URL)


def test_the_author_filter_names_its_empty_entry(client, users):
    own_story(users)
    html = client_for(client, users, "editor").get(CHANGELIST_URL).content.decode()
    assert "No byline" in html


def test_change_form_queries(client, users, django_assert_max_num_queries):
    from tests.factories import SourceFactory, cite

    article = own_story(users, Status.IN_REVIEW)
    cite(article, *[SourceFactory() for _ in range(10)])
    client = client_for(client, users, "editor")
    # 23 for the page (with main's studies inline and notice warning, the tag field and the
    # stale-save check), and one per citation row: Django's autocomplete widget looks it up.
    with django_assert_max_num_queries(34):
        assert client.get(change_url(article)).status_code == 200


def test_changelist_thumbnails_are_small_renditions(client, users):
    hero = ImageFactory(file=ContentFile(hero_jpeg("#15803d", "hedgehog"), "hedgehog.jpg"))
    story = own_story(users, Status.DRAFT, hero=hero)
    html = client_for(client, users, "editor").get(CHANGELIST_URL).content.decode()
    smallest = story.hero_picture.all()[0]
    assert smallest.width == 480
    assert f'<img src="{smallest.url}"' in html
    assert story.hero.file.url not in html


def test_admin_markup_is_styled_by_the_stylesheet(client, users):
    article = own_story(users, Status.PUBLISHED, published_at=timezone.now() + timedelta(days=1))
    client = client_for(client, users, "editor")
    for url in ["/admin/", CHANGELIST_URL, change_url(article)]:
        html = client.get(url).content.decode()
        assert "/static/css/admin.css" in html
        assert 'style="' not in html, url
    html = client.get(CHANGELIST_URL).content.decode()
    assert '<span class="status-badge" data-state="scheduled"' in html


# The buttons each role sees on a story, by its state: what the services allow, nothing else.
SEEN = {
    ("writer", Status.DRAFT): ["submit"],
    ("editor", Status.DRAFT): ["submit", "publish", "schedule"],
    ("writer", Status.IN_REVIEW): ["return_to_draft"],
    ("editor", Status.IN_REVIEW): ["return_to_draft", "publish", "schedule"],
    ("editor", Status.PUBLISHED): ["unpublish", "feature", "mark_updated"],
    ("newsletter_manager", Status.PUBLISHED): [],  # drafts are not shown to them at all
}


@pytest.mark.parametrize(("role", "status"), SEEN)
def test_the_buttons_shown_per_role(client, users, role, status):
    article = own_story(users, status)
    response = client_for(client, users, role).get(change_url(article))
    html = response.content.decode()
    shown = [name for name, _ in response.context.get("workflow_actions") or []]
    assert shown == SEEN[role, status]
    for name in shown:
        assert f'class="workflow-button" data-action="{name}"' in html


@pytest.mark.parametrize(
    ("role", "shown"), [("writer", ["submit"]), ("editor", ["submit", "publish", "schedule"])]
)
def test_the_add_form_offers_the_steps_too(client, users, role, shown):
    response = client_for(client, users, role).get(ADD_URL)
    assert [name for name, _ in response.context["workflow_actions"]] == shown


def add_data(client):
    return form_data(client.get(ADD_URL)) | {
        "title": "Hedgehogs return",
        "slug": "hedgehogs-return",
        "standfirst": "They are back.",
        "category": CategoryFactory().pk,
    }


def test_the_schedule_typed_on_the_add_form_is_kept(client, users):
    at = timezone.localtime() + timedelta(days=3)
    client = client_for(client, users, "editor")
    data = add_data(client) | {
        "schedule_for_0": at.strftime("%d/%m/%Y"),
        "schedule_for_1": "10:30:00",
        "_workflow": "schedule",
    }
    response = client.post(ADD_URL, data, follow=True)
    article = Article.objects.get()
    assert article.state == Article.State.SCHEDULED
    assert timezone.localtime(article.published_at).strftime("%d/%m/%Y %H:%M") == (
        f"{at:%d/%m/%Y} 10:30"
    )
    assert "Scheduled for" in response.content.decode()


def test_plain_save_with_a_schedule_says_it_did_not_schedule(client, users):
    at = timezone.localtime() + timedelta(days=3)
    client = client_for(client, users, "editor")
    data = add_data(client) | {
        "schedule_for_0": at.strftime("%d/%m/%Y"),
        "schedule_for_1": "10:30:00",
    }
    response = client.post(ADD_URL, data, follow=True)
    assert Article.objects.get().state == Article.State.DRAFT
    assert "Saved as a draft, not scheduled" in response.content.decode()


def test_the_add_form_fills_in_the_writers_byline(client, users):
    response = client_for(client, users, "writer").get(ADD_URL)
    bylines = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "bylines"
    )
    assert bylines.forms[0].initial["author"] == users["writer"].author.pk


def test_tags_are_typed_and_new_ones_created(client, users):
    from taggit.models import Tag

    Tag.objects.create(name="Science", slug="science")
    client = client_for(client, users, "writer")
    response = client.post(ADD_URL, add_data(client) | {"tags": "Science, hedgehogs"})
    assert response.status_code == 302
    article = Article.objects.get()
    assert sorted(article.tags.names()) == ["Science", "hedgehogs"]
    assert Tag.objects.count() == 2
    html = client.get(change_url(article)).content.decode()
    assert "tagged with" not in html
    assert "/static/js/tag-field.js" in html


@pytest.mark.parametrize("role", ROLES)
def test_tag_suggestions_put_the_exact_match_first(client, users, role):
    from taggit.models import Tag

    for name in ["Royal Society Open Science", "Science communication", "Science", "Sciences"]:
        Tag.objects.create(name=name, slug=name.lower().replace(" ", "-"))
    response = client_for(client, users, role).get(f"{CHANGELIST_URL}tags/?q=science")
    if role == "anonymous":
        assert response.status_code == 302
        return
    assert response.json()["tags"] == [
        "Science",
        "Science communication",
        "Sciences",
        "Royal Society Open Science",
    ]


def test_every_autocomplete_puts_the_exact_match_first(client, users):
    from tests.factories import SourceFactory

    for name in ["Royal Society Open Science", "Science Advances", "Science"]:
        SourceFactory(name=name)
    response = client_for(client, users, "editor").get(
        "/admin/autocomplete/",
        {
            "term": "science",
            "app_label": "articles",
            "model_name": "citation",
            "field_name": "source",
        },
    )
    names = [result["text"] for result in response.json()["results"]]
    assert names[:2] == ["Science", "Science Advances"]
    assert names[-1] == "Royal Society Open Science"


def test_inline_rows_are_labelled_concisely(client, users):
    from tests.factories import SourceFactory, byline, cite

    article = own_story(users, title="A very long headline about hedgehogs")
    byline(article, users["writer"].author)
    cite(article, SourceFactory(name="Nature"))
    html = client_for(client, users, "editor").get(change_url(article)).content.decode()
    assert "on A very long headline" not in html
    assert "in A very long headline" not in html
