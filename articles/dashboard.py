"""What the editors' dashboard on the admin index lists, for one user: a few queries, any size."""

from dataclasses import dataclass

from articles.models import Article
from articles.services import articles_visible_to, can_publish

DASHBOARD_ROWS = 6
State = Article.State


@dataclass
class Panel:
    title: str
    state: str  # the story list's ?state= filter for "see all"
    stories: list
    count: int
    empty: str


def editorial_dashboard(user):
    if not user.has_perm("articles.view_article"):
        return []
    stories = (
        articles_visible_to(user)
        .select_related("category")
        .only("title", "status", "published_at", "modified_at", "category__name", "category__emoji")
    )
    drafts = "Drafts" if can_publish(user) else "My drafts"  # a writer sees only their own
    panels = [
        ("In review", State.IN_REVIEW, "-modified_at", "Nothing is waiting for an editor."),
        ("Scheduled", State.SCHEDULED, "published_at", "Nothing is scheduled."),
        (drafts, State.DRAFT, "-modified_at", "No drafts: write a story."),
        ("Latest published", State.LIVE, "-published_at", "Nothing has been published yet."),
    ]
    result = []
    for title, state, order, empty in panels:
        queryset = stories.in_state(state).order_by(order, "-pk")
        rows = list(queryset[:DASHBOARD_ROWS])
        count = len(rows) if len(rows) < DASHBOARD_ROWS else queryset.count()
        result.append(Panel(title, state.value, rows, count, empty))
    return result
