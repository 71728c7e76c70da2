"""
The editorial workflow: draft → in review → published (now or at a set time) → unpublished.

Every function checks who may do it and from which status, then saves. They raise
PermissionDenied for the wrong person and WorkflowError for the wrong moment; the admin shows
either as a message. `published_at` is set once, when a story first goes live.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from articles.models import Article, ArticleAuthor, SlugRedirect
from articles.prepublish import article_blockers

Status = Article.Status
PUBLISH_PERMISSION = "articles.publish_article"
FEATURE_PERMISSION = "articles.feature_article"


class WorkflowError(ValidationError):
    pass


def can_publish(user):
    return user.has_perm(PUBLISH_PERMISSION)


def can_feature(user):
    return user.has_perm(FEATURE_PERMISSION)


def articles_visible_to(user, queryset=None):
    """The stories `user` may open: their own for writers, all of them for other staff."""
    queryset = Article.objects.all() if queryset is None else queryset
    if not (user.is_active and user.is_staff):
        return queryset.none()
    if can_publish(user) or not user.has_perm("articles.add_article"):
        return queryset
    bylined = ArticleAuthor.objects.filter(article=OuterRef("pk"), author__user=user)
    return queryset.filter(Q(created_by=user) | Exists(bylined))


def can_edit(user, article):
    """Editors edit every story; writers their own, until it is published."""
    if can_publish(user):
        return True
    if not user.has_perm("articles.change_article"):
        return False
    if article.status not in {Status.DRAFT, Status.IN_REVIEW}:
        return False
    return articles_visible_to(user).filter(pk=article.pk).exists()


def has_gone_live(article):
    return article.published_at is not None and article.published_at <= timezone.now()


def _require(allowed):
    if not allowed:
        raise PermissionDenied("You do not have permission to do that.")


def _require_status(article, *statuses, action):
    if article.status not in statuses:
        state = article_state(article).lower()
        raise WorkflowError(f"This story is {state}, so it cannot be {action}.")


def _require_publishable(article):
    if blockers := article_blockers(article):
        raise WorkflowError(blockers)


def _save(article, *fields):
    article.save(update_fields=[*fields, "modified_at"])
    return article


def article_state(article):
    """The status as editors say it: a published story still to go live is "Scheduled"."""
    if article.status == Status.PUBLISHED and not has_gone_live(article):
        return "Scheduled"
    return article.get_status_display()


def article_submit_for_review(*, article, user):
    _require(can_edit(user, article))
    _require_status(article, Status.DRAFT, action="submitted for review")
    article.status = Status.IN_REVIEW
    return _save(article, "status")


def article_return_to_draft(*, article, user):
    _require(can_edit(user, article))
    _require_status(article, Status.IN_REVIEW, Status.UNPUBLISHED, action="returned to draft")
    article.status = Status.DRAFT
    return _save(article, "status")


def article_publish(*, article, user):
    """Publish now. A story published before keeps its first publication date."""
    _require(can_publish(user))
    if article.status == Status.PUBLISHED and has_gone_live(article):
        raise WorkflowError("This story is already published.")
    _require_status(
        article, Status.IN_REVIEW, Status.UNPUBLISHED, Status.PUBLISHED, action="published"
    )
    _require_publishable(article)
    if not has_gone_live(article):
        article.published_at = timezone.now()
    article.status = Status.PUBLISHED
    return _save(article, "status", "published_at")


def article_schedule(*, article, user, at):
    """Publish automatically at `at`, a time in the future."""
    _require(can_publish(user))
    if at is None or at <= timezone.now():
        raise WorkflowError("Choose a time in the future to schedule the story.")
    if has_gone_live(article):
        raise WorkflowError("This story has been published before: publish it again now instead.")
    _require_status(
        article, Status.IN_REVIEW, Status.UNPUBLISHED, Status.PUBLISHED, action="scheduled"
    )
    _require_publishable(article)
    article.status = Status.PUBLISHED
    article.published_at = at
    return _save(article, "status", "published_at")


def article_unpublish(*, article, user):
    """Take a story down (or cancel its schedule). It no longer appears anywhere public."""
    _require(can_publish(user))
    _require_status(article, Status.PUBLISHED, action="unpublished")
    if not has_gone_live(article):
        article.published_at = None  # it never went out: no first publication to keep
    article.status = Status.UNPUBLISHED
    article.featured = False
    return _save(article, "status", "published_at", "featured")


def article_feature(*, article, user, featured=True):
    _require(can_feature(user))
    if featured:
        _require_status(article, Status.PUBLISHED, action="featured")
    article.featured = featured
    return _save(article, "featured")


def article_mark_updated(*, article, user):
    """Tell readers the story changed in substance since it was published."""
    _require(can_publish(user))
    if not (article.status == Status.PUBLISHED and has_gone_live(article)):
        raise WorkflowError("Only a live story can be marked as updated.")
    article.updated_at = timezone.now()
    return _save(article, "updated_at")


def article_record_slug_change(*, article, old_slug):
    """Keep `old_slug` answering with a redirect once the story has been out in the world."""
    if not old_slug or old_slug == article.slug or not has_gone_live(article):
        return None
    # Renamed back to an old address: that address is the story again, not a redirect.
    SlugRedirect.objects.filter(old_slug=article.slug).delete()
    redirect, _ = SlugRedirect.objects.update_or_create(
        old_slug=old_slug, defaults={"article": article}
    )
    return redirect
