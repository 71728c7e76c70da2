"""What the editors' dashboard on the admin index lists, for one user: a few queries, any size."""

from dataclasses import dataclass

from articles.models import Article
from articles.services import articles_visible_to, can_publish

DASHBOARD_ROWS = 6
NOTICES_PANEL = "Study notices to check"  # shown only when the retraction watch found some
State = Article.State


@dataclass
class Panel:
    title: str
    state: str  # names the panel; the story list's ?state= filter for "see all"
    stories: list
    count: int
    empty: str
    query: str = ""  # the story list's filter for "see all", when not ?state=

    def __post_init__(self):
        self.query = self.query or f"state={self.state}"


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
    flagged = stories.filter(studies__notices__status="pending").distinct()
    notices = _panel(NOTICES_PANEL, "notices", flagged.order_by("-modified_at", "-pk"), "")
    if notices.stories:
        notices.query = "study_notice=pending"
        result.append(notices)
    for title, state, order, empty in panels:
        queryset = stories.in_state(state).order_by(order, "-pk")
        result.append(_panel(title, state.value, queryset, empty))
    return result


def _panel(title, state, queryset, empty):
    rows = list(queryset[:DASHBOARD_ROWS])
    count = len(rows) if len(rows) < DASHBOARD_ROWS else queryset.count()
    return Panel(title, state, rows, count, empty)
