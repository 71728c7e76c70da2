"""What the editors' dashboard on the admin index lists, for one user."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from articles.models import Article
from articles.services import articles_visible_to

DASHBOARD_ROWS = 8
NOTICES_PANEL = "Study notices to check"  # shown only when the retraction watch found some
State = Article.State


def editorial_dashboard(user):
    if not user.has_perm("articles.view_article"):
        return []
    stories = (
        articles_visible_to(user)
        .select_related("category")
        .only("title", "status", "published_at", "modified_at", "category__name", "category__emoji")
    )
    recent = timezone.now() - timedelta(days=7)
    mine = Q(created_by=user) | Q(authors__user=user)
    panels = [
        (NOTICES_PANEL, stories.filter(studies__notices__status="pending").distinct()),
        ("In review", stories.in_state(State.IN_REVIEW).order_by("modified_at")),
        ("Scheduled", stories.in_state(State.SCHEDULED).order_by("published_at")),
        (
            "Recently published",
            stories.in_state(State.LIVE).filter(published_at__gte=recent).order_by("-published_at"),
        ),
        (
            "My drafts",
            stories.in_state(State.DRAFT).filter(mine).distinct().order_by("-modified_at"),
        ),
    ]
    shown = [(title, list(queryset[:DASHBOARD_ROWS])) for title, queryset in panels]
    return [(title, rows) for title, rows in shown if rows or title != NOTICES_PANEL]
