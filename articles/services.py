"""
The editorial workflow: draft → in review → published (now or at a set time) → unpublished.
Review is the writers' way to an editor: an editor may publish or schedule a draft straight away.

Each step has one rule, `_check_<step>`, saying who may take it and from which state: it raises
PermissionDenied for the wrong person and WorkflowError for the wrong moment (the admin shows
either as a message). Every step runs its rule before it saves, and `article_actions_available`
asks the same rules which steps to offer. `published_at` is set once, when a story first goes live.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from articles.models import Article, ArticleAuthor, SlugRedirect
from articles.prepublish import article_blockers

State = Article.State
Status = Article.Status
PUBLISH_PERMISSION = "articles.publish_article"
FEATURE_PERMISSION = "articles.feature_article"
# Changed only through the steps below, never by a form or a restore: an old version brings
# back its words, not its place in the workflow.
WORKFLOW_FIELDS = ["status", "published_at", "updated_at", "featured"]


class WorkflowError(ValidationError):
    pass


def can_publish(user):
    return user.has_perm(PUBLISH_PERMISSION)


def can_feature(user):
    return user.has_perm(FEATURE_PERMISSION)


def articles_visible_to(user, queryset=None):
    """
    The stories `user` may open: all of them for editors, their own for writers, and for other
    staff (newsletter managers, who pick stories for editions) only those readers can see.
    """
    queryset = Article.objects.all() if queryset is None else queryset
    if not (user.is_active and user.is_staff):
        return queryset.none()
    if can_publish(user):
        return queryset
    if not user.has_perm("articles.add_article"):
        return queryset.published()
    bylined = ArticleAuthor.objects.filter(article=OuterRef("pk"), author__user=user)
    return queryset.filter(Q(created_by=user) | Exists(bylined))


def articles_pinnable_by(user):
    """The stories `user` may pin to another: a form shows their headlines, so public or own."""
    return Article.objects.published() | articles_visible_to(user)


def can_edit(user, article):
    """Editors edit every story; writers their own, until it is published."""
    if can_publish(user):
        return True
    if article.pk is None:  # the story being written on the add form
        return user.has_perm("articles.add_article")
    if not user.has_perm("articles.change_article"):
        return False
    if article.state not in {State.DRAFT, State.IN_REVIEW}:
        return False
    return articles_visible_to(user).filter(pk=article.pk).exists()


def _require(allowed):
    if not allowed:
        raise PermissionDenied("You do not have permission to do that.")


def _require_state(article, *states, action):
    if article.state not in states:
        state = article.state.label.lower()
        raise WorkflowError(f"This story is {state}, so it cannot be {action}.")


def _require_publishable(article):
    if blockers := article_blockers(article):
        raise WorkflowError(blockers)


def _save(article, *fields):
    article.save(update_fields=[*fields, "modified_at"])
    return article


def _check_submit_for_review(article, user):
    _require(can_edit(user, article))
    _require_state(article, State.DRAFT, action="submitted for review")


def _check_return_to_draft(article, user):
    _require(can_edit(user, article))
    _require_state(article, State.IN_REVIEW, State.UNPUBLISHED, action="returned to draft")


# The states a story can be published or scheduled from: any but live.
GOING_OUT_FROM = (State.DRAFT, State.IN_REVIEW, State.UNPUBLISHED, State.SCHEDULED)


def _check_publish(article, user):
    _require(can_publish(user))
    if article.state == State.LIVE:
        raise WorkflowError("This story is already published.")
    _require_state(article, *GOING_OUT_FROM, action="published")


def _check_schedule(article, user):
    _require(can_publish(user))
    if article.went_live:
        raise WorkflowError("This story has been published before: publish it again now instead.")
    _require_state(article, *GOING_OUT_FROM, action="scheduled")


def _check_unpublish(article, user):
    _require(can_publish(user))
    _require_state(article, State.SCHEDULED, State.LIVE, action="unpublished")


def _check_feature(article, user):
    _require(can_feature(user))
    _require_state(article, State.SCHEDULED, State.LIVE, action="featured")


def _check_unfeature(article, user):
    _require(can_feature(user))


def _check_mark_updated(article, user):
    _require(can_publish(user))
    if article.state != State.LIVE:
        raise WorkflowError("Only a live story can be marked as updated.")


def article_actions_available(*, article, user):
    """
    The names of the steps `user` may take on `article` now, by the rules the steps enforce:
    submit, return_to_draft, publish, schedule, unpublish, feature or unfeature (whichever
    changes something), mark_updated. Whether the story is ready to go out (`article_blockers`)
    is told when it is published, not here.
    """
    feature = ("unfeature", _check_unfeature) if article.featured else ("feature", _check_feature)
    rules = [
        ("submit", _check_submit_for_review),
        ("return_to_draft", _check_return_to_draft),
        ("publish", _check_publish),
        ("schedule", _check_schedule),
        ("unpublish", _check_unpublish),
        feature,
        ("mark_updated", _check_mark_updated),
    ]
    return [name for name, rule in rules if _allows(rule, article, user)]


def _allows(rule, article, user):
    try:
        rule(article, user)
    except (PermissionDenied, WorkflowError):
        return False
    return True


def article_submit_for_review(*, article, user):
    _check_submit_for_review(article, user)
    article.status = Status.IN_REVIEW
    return _save(article, "status")


def article_return_to_draft(*, article, user):
    _check_return_to_draft(article, user)
    article.status = Status.DRAFT
    return _save(article, "status")


def article_publish(*, article, user):
    """Publish now. A story published before keeps its first publication date."""
    _check_publish(article, user)
    _require_publishable(article)
    if not article.went_live:
        article.published_at = timezone.now()
    article.status = Status.PUBLISHED
    return _save(article, "status", "published_at")


def article_schedule(*, article, user, at):
    """Publish automatically at `at`, a time in the future."""
    _check_schedule(article, user)
    if at is None or at <= timezone.now():
        raise WorkflowError("Choose a time in the future to schedule the story.")
    _require_publishable(article)
    article.status = Status.PUBLISHED
    article.published_at = at
    return _save(article, "status", "published_at")


def article_unpublish(*, article, user):
    """Take a story down (or cancel its schedule). It no longer appears anywhere public."""
    _check_unpublish(article, user)
    if not article.went_live:
        article.published_at = None  # it never went out: no first publication to keep
    article.status = Status.UNPUBLISHED
    article.featured = False
    return _save(article, "status", "published_at", "featured")


def article_feature(*, article, user, featured=True):
    (_check_feature if featured else _check_unfeature)(article, user)
    article.featured = featured
    return _save(article, "featured")


def article_mark_updated(*, article, user):
    """Tell readers the story changed in substance since it was published."""
    _check_mark_updated(article, user)
    article.updated_at = timezone.now()
    return _save(article, "updated_at")


def article_record_slug_change(*, article, old_slug):
    """Keep `old_slug` answering with a redirect once the story has been out in the world."""
    if not old_slug or old_slug == article.slug or not article.went_live:
        return None
    # Renamed back to an old address: that address is the story again, not a redirect.
    SlugRedirect.objects.filter(old_slug=article.slug).delete()
    redirect, _ = SlugRedirect.objects.update_or_create(
        old_slug=old_slug, defaults={"article": article}
    )
    return redirect
