from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from articles import services
from articles.models import Article
from tests.articles.roles import ROLES, make_users
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db
Status = Article.Status
NOW = timezone.now()


@pytest.fixture
def users():
    return make_users()


def story(users, status, **fields):
    published_at = fields.pop("published_at", NOW - timedelta(days=1))
    if status in {Status.DRAFT, Status.IN_REVIEW}:
        published_at = None
    return ArticleFactory(
        status=status, published_at=published_at, created_by=users["writer"], **fields
    )


# (service, extra arguments, starting status, status afterwards)
TRANSITIONS = {
    "submit": (services.article_submit_for_review, {}, Status.DRAFT, Status.IN_REVIEW),
    "return_to_draft": (services.article_return_to_draft, {}, Status.IN_REVIEW, Status.DRAFT),
    "publish": (services.article_publish, {}, Status.IN_REVIEW, Status.PUBLISHED),
    "schedule": (
        services.article_schedule,
        {"at": NOW + timedelta(days=2)},
        Status.IN_REVIEW,
        Status.PUBLISHED,
    ),
    "unpublish": (services.article_unpublish, {}, Status.PUBLISHED, Status.UNPUBLISHED),
    "feature": (services.article_feature, {}, Status.PUBLISHED, Status.PUBLISHED),
    "mark_updated": (services.article_mark_updated, {}, Status.PUBLISHED, Status.PUBLISHED),
}
EVERYONE_WHO_EDITS = {"writer", "editor", "superuser"}
EDITORS = {"editor", "superuser"}
ALLOWED = {
    "submit": EVERYONE_WHO_EDITS,
    "return_to_draft": EVERYONE_WHO_EDITS,
    "publish": EDITORS,
    "schedule": EDITORS,
    "unpublish": EDITORS,
    "feature": EDITORS,
    "mark_updated": EDITORS,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("transition", TRANSITIONS)
def test_every_role_against_every_transition(users, role, transition):
    service, extra, before, after = TRANSITIONS[transition]
    article = story(users, before)
    if role in ALLOWED[transition]:
        service(article=article, user=users[role], **extra)
        article.refresh_from_db()
        assert article.status == after
    else:
        with pytest.raises(PermissionDenied):
            service(article=article, user=users[role], **extra)
        article.refresh_from_db()
        assert article.status == before
        assert not article.featured
        assert article.updated_at is None


def test_writers_cannot_touch_their_story_once_published(users):
    article = story(users, Status.UNPUBLISHED)
    with pytest.raises(PermissionDenied):
        services.article_return_to_draft(article=article, user=users["writer"])
    services.article_return_to_draft(article=article, user=users["editor"])
    assert article.status == Status.DRAFT


def test_a_bylined_writer_owns_the_story_too(users):
    article = ArticleFactory(status=Status.DRAFT, published_at=None, created_by=users["editor"])
    article.bylines.create(author=users["other_writer"].author)
    services.article_submit_for_review(article=article, user=users["other_writer"])
    assert article.status == Status.IN_REVIEW


@pytest.mark.parametrize(
    ("service", "status"),
    [
        (services.article_submit_for_review, Status.IN_REVIEW),
        (services.article_unpublish, Status.IN_REVIEW),
        (services.article_feature, Status.DRAFT),
        (services.article_mark_updated, Status.IN_REVIEW),
        (services.article_return_to_draft, Status.PUBLISHED),
    ],
)
def test_transitions_out_of_order_are_refused(users, service, status):
    article = story(users, status)
    extra = {"at": NOW + timedelta(days=1)} if service is services.article_schedule else {}
    with pytest.raises(services.WorkflowError):
        service(article=article, user=users["editor"], **extra)
    article.refresh_from_db()
    assert article.status == status


@pytest.mark.parametrize("role", ROLES)
def test_editors_publish_or_schedule_a_draft_straight_away(users, role):
    for service, extra in [
        (services.article_publish, {}),
        (services.article_schedule, {"at": NOW + timedelta(days=1)}),
    ]:
        article = story(users, Status.DRAFT)
        if role in EDITORS:
            service(article=article, user=users[role], **extra)
            assert Article.objects.get(pk=article.pk).status == Status.PUBLISHED
        else:
            with pytest.raises(PermissionDenied):
                service(article=article, user=users[role], **extra)
            assert Article.objects.get(pk=article.pk).status == Status.DRAFT


def test_published_at_is_set_once_on_first_publication(users):
    article = story(users, Status.IN_REVIEW)
    with time_machine.travel(NOW, tick=False):
        services.article_publish(article=article, user=users["editor"])
    first = article.published_at
    assert first == NOW
    with time_machine.travel(NOW + timedelta(days=3), tick=False):
        services.article_unpublish(article=article, user=users["editor"])
        assert article.published_at == first
        assert article not in Article.objects.published()
        services.article_publish(article=article, user=users["editor"])
    article.refresh_from_db()
    assert article.published_at == first
    assert article in Article.objects.published()


def test_a_scheduled_story_goes_live_at_its_time(users):
    article = story(users, Status.IN_REVIEW)
    at = NOW + timedelta(hours=5)
    with time_machine.travel(NOW, tick=False):
        services.article_schedule(article=article, user=users["editor"], at=at)
        assert article.state == Article.State.SCHEDULED
        assert article not in Article.objects.published()
    with time_machine.travel(at + timedelta(minutes=1), tick=False):
        assert article in Article.objects.published()
        assert article.state == Article.State.LIVE


def test_publishing_a_scheduled_story_now_moves_its_date(users):
    article = story(users, Status.PUBLISHED, published_at=NOW + timedelta(days=3))
    with time_machine.travel(NOW, tick=False):
        services.article_publish(article=article, user=users["editor"])
    assert article.published_at == NOW


def test_unpublishing_a_scheduled_story_cancels_it(users):
    article = story(users, Status.PUBLISHED, published_at=NOW + timedelta(days=3))
    services.article_unpublish(article=article, user=users["editor"])
    article.refresh_from_db()
    assert article.status == Status.UNPUBLISHED
    assert article.published_at is None


@pytest.mark.parametrize("at", [None, NOW - timedelta(minutes=1)])
def test_scheduling_needs_a_future_time(users, at):
    article = story(users, Status.IN_REVIEW)
    with pytest.raises(services.WorkflowError, match="future"):
        services.article_schedule(article=article, user=users["editor"], at=at)


def test_a_story_that_went_live_cannot_be_rescheduled(users):
    article = story(users, Status.UNPUBLISHED)
    with pytest.raises(services.WorkflowError, match="published before"):
        services.article_schedule(article=article, user=users["editor"], at=NOW + timedelta(days=1))


def test_unpublishing_stops_featuring(users):
    article = story(users, Status.PUBLISHED, featured=True)
    services.article_unpublish(article=article, user=users["editor"])
    assert not Article.objects.get(pk=article.pk).featured


def test_mark_updated_sets_updated_at(users):
    article = story(users, Status.PUBLISHED)
    with time_machine.travel(NOW + timedelta(hours=1), tick=False):
        services.article_mark_updated(article=article, user=users["editor"])
    assert Article.objects.get(pk=article.pk).updated_at == NOW + timedelta(hours=1)


@pytest.fixture
def reviewed_health():
    return CategoryFactory(name="Health", slug="health", requires_medical_review=True)


@pytest.mark.parametrize(
    ("credentials", "reviewed", "publishes"),
    [
        (None, False, False),
        ("", True, False),
        ("M.D.", False, False),
        ("M.D.", True, True),
    ],
)
def test_medical_review_gate(users, reviewed_health, credentials, reviewed, publishes):
    reviewer = AuthorFactory(credentials=credentials) if credentials is not None else None
    article = story(
        users,
        Status.IN_REVIEW,
        category=reviewed_health,
        reviewed_by=reviewer,
        last_reviewed=NOW.date() if reviewed else None,
    )
    for service, extra in [
        (services.article_publish, {}),
        (services.article_schedule, {"at": NOW + timedelta(days=1)}),
    ]:
        if publishes:
            service(article=article, user=users["editor"], **extra)
            assert article.status == Status.PUBLISHED
            article.status, article.published_at = Status.IN_REVIEW, None
        else:
            with pytest.raises(services.WorkflowError, match="medical review"):
                service(article=article, user=users["editor"], **extra)
            assert Article.objects.get(pk=article.pk).status == Status.IN_REVIEW


def test_without_the_category_flag_no_review_is_needed(users):
    article = story(users, Status.IN_REVIEW, category=CategoryFactory(slug="health"))
    services.article_publish(article=article, user=users["editor"])
    assert article.status == Status.PUBLISHED


def test_only_active_staff_see_unpublished_stories(users):
    article = story(users, Status.DRAFT)
    assert list(services.articles_visible_to(users["anonymous"])) == []
    users["editor"].is_staff = False
    assert list(services.articles_visible_to(users["editor"])) == []
    assert list(services.articles_visible_to(users["writer"])) == [article]
    assert list(services.articles_visible_to(users["other_writer"])) == []
    assert list(services.articles_visible_to(users["newsletter_manager"])) == []  # live only


STARTING_POINTS = {
    "draft": (Status.DRAFT, None),
    "in_review": (Status.IN_REVIEW, None),
    "scheduled": (Status.PUBLISHED, NOW + timedelta(days=1)),
    "live": (Status.PUBLISHED, NOW - timedelta(days=1)),
    "taken_down": (Status.UNPUBLISHED, NOW - timedelta(days=1)),
    "never_out": (Status.UNPUBLISHED, None),
}
STEPS = {
    "submit": (services.article_submit_for_review, {}),
    "return_to_draft": (services.article_return_to_draft, {}),
    "publish": (services.article_publish, {}),
    "schedule": (services.article_schedule, {"at": NOW + timedelta(days=2)}),
    "unpublish": (services.article_unpublish, {}),
    "feature": (services.article_feature, {"featured": True}),
    "unfeature": (services.article_feature, {"featured": False}),
    "mark_updated": (services.article_mark_updated, {}),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("start", STARTING_POINTS)
@pytest.mark.parametrize("featured", [False, True])
def test_the_steps_offered_are_the_steps_allowed(users, role, start, featured):
    status, published_at = STARTING_POINTS[start]
    article = ArticleFactory(
        status=status, published_at=published_at, featured=featured, created_by=users["writer"]
    )
    offered = services.article_actions_available(article=article, user=users[role])
    allowed = []
    for name, (service, extra) in STEPS.items():
        with transaction.atomic():
            try:
                service(article=Article.objects.get(pk=article.pk), user=users[role], **extra)
            except (PermissionDenied, services.WorkflowError):
                pass
            else:
                allowed.append(name)
            transaction.set_rollback(True)
    # Feature and unfeature are offered by turns: only the one that changes something.
    toggle = "feature" if featured else "unfeature"
    assert offered == [name for name in allowed if name != toggle]
