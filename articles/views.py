from itertools import groupby

from django.core.paginator import Paginator
from django.db.models import Count, DateTimeField, Exists, IntegerField, OuterRef, SlugField
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.views import View
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView, MonthArchiveView, TemplateView
from taggit.models import Tag

from articles import search
from articles.forms import SearchForm
from articles.markdown_copies import page_markdown, story_markdown
from articles.models import (
    Article,
    Author,
    Category,
    Citation,
    Page,
    SlugRedirect,
    Source,
)
from articles.page_data import attach_page_data, with_page_data
from articles.pagination import CappedPaginator, PreparedPaginator
from articles.prepared import Param, PreparedQuerySet
from articles.preview import preview_token_article_pk
from articles.services import articles_visible_to

LATEST_ON_HOME = 6
PER_SECTION_ON_HOME = 3
REVIEWED_ON_AUTHOR_PAGE = 12
MAX_SEARCH_RESULTS = 240
TOPICS_ON_SEARCH = 12
RECENT_FOR_TOPICS = 500
LATEST_ON_SEARCH = 4


class PublishedMixin:
    paginate_by = 12
    paginator_class = CappedPaginator
    published_before = None

    def get_queryset(self):
        published = Article.objects.published(before=self.published_before)
        return published.for_cards().order_by("-published_at", "-pk")


class HomeView(PublishedMixin, TemplateView):
    template_name = "articles/home.html"

    def get(self, request, *args, **kwargs):
        # The front page has one page; older stories are in the archive.
        if "page" in request.GET:
            return redirect(f"{reverse('articles:archive')}?{request.GET.urlencode()}")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        published = self.get_queryset()
        # The newest stories, one more than the latest shown: the lead when none is featured.
        recent = list(published[: LATEST_ON_HOME + 1])
        lead = published.filter(featured=True).first() or next(iter(recent), None)
        latest = [story for story in recent if story != lead][:LATEST_ON_HOME]
        shown = [story.pk for story in [lead, *latest] if story]
        newest = published.exclude(pk__in=shown).newest_per_category(limit=PER_SECTION_ON_HOME)
        sections = [
            (stories[0].category, stories)
            for _, group in groupby(newest, key=lambda story: story.category_id)
            if (stories := list(group))
        ]
        return super().get_context_data(lead=lead, latest=latest, sections=sections, **kwargs)


def by_slug(model):
    """The `model` with a given slug, in a prepared query."""
    return PreparedQuerySet(
        lambda: model.objects.filter(slug=Param("slug", SlugField())).order_by()[:1]
    )


class StoryList:
    """
    The live stories a list page shows, newest first: those `filter_for(stories, subject)` picks,
    given the subject's id and the time as Params. Its count and its pages run SQL compiled once
    per process (articles.prepared): compiling a page's query cost ten times more than running it.
    """

    def __init__(self, filter_for):
        self.filter_for = filter_for
        self.ids = PreparedQuerySet(
            lambda limit: self.stories().order_by().values_list("pk", flat=True)[:limit]
        )
        self.pages = PreparedQuerySet(self.page)

    def stories(self):
        published = Article.objects.published(now=Param("now", DateTimeField())).for_cards()
        newest_first = published.order_by("-published_at", "-pk")
        return self.filter_for(newest_first, Param("subject", IntegerField()))

    def page(self, start, stop):
        # The page's ids first, off the list's index alone; then the cards of those stories.
        stories = self.stories()
        return stories.filter(pk__in=stories[start:stop].values("pk"))

    def of(self, subject):
        return StoryListOf(self, {"subject": subject.pk, "now": timezone.now()})


class StoryListOf:
    """A StoryList for one subject now, as PreparedPaginator reads it: counted, then sliced."""

    def __init__(self, story_list, values):
        self.story_list, self.values = story_list, values

    def count_up_to(self, limit):
        return len(self.story_list.ids.run(self.values, limit=limit))

    def __getitem__(self, page):
        if page.start == page.stop:  # The first page of an empty list
            return []
        return self.story_list.pages.run(self.values, start=page.start, stop=page.stop)


class ArticleListView(PublishedMixin, ListView):
    """A paginated list of cards about one thing: a category, tag, source or author."""

    template_name = "articles/article_list.html"
    context_object_name = "articles"
    paginator_class = PreparedPaginator
    subjects = None  # by_slug(model), or a prepared query of its own
    story_list = None  # a StoryList
    # The header's parts only some subjects have, named on every list (a name the template
    # does not find costs an exception to look up): each view gives its own.
    header = {"photo": None, "kind": "", "role": "", "website": "", "author": None, "reviewed": ()}

    def get_subject(self):
        found = self.subjects.run({"slug": self.kwargs["slug"], "now": timezone.now()})
        if not found:
            raise Http404
        return found[0]

    def get_queryset(self):
        self.subject = self.get_subject()
        return self.story_list.of(self.subject)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            subject=self.subject,
            heading=self.heading(),
            description=self.description(),
            **(self.header | kwargs),
        )

    def description(self):
        return ""


def category_stories(stories, category):
    return stories.filter(category_id=category)


class CategoryView(ArticleListView):
    subjects = by_slug(Category)
    story_list = StoryList(category_stories)

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.subject, **kwargs)

    def heading(self):
        return self.subject.label

    def description(self):
        return self.subject.description or f"The latest {self.subject.name} stories."


def public_tag():
    # A tag found only on unpublished stories is not public yet: its name can give one away.
    published = Article.objects.published(now=Param("now", DateTimeField()))
    tagged = published.filter(tags=OuterRef("pk"))
    return Tag.objects.filter(Exists(tagged), slug=Param("slug", SlugField())).order_by()[:1]


def tag_stories(stories, tag):
    # In the order of the taggings' copies of the stories' dates: read off their index.
    return stories.filter(tagged_items__tag_id=tag).order_by(
        "-tagged_items__published_at", "-tagged_items__content_object_id"
    )


class TagView(ArticleListView):
    subjects = PreparedQuerySet(public_tag)
    story_list = StoryList(tag_stories)

    def heading(self):
        return f"Stories tagged “{self.subject.name}”"

    def description(self):
        return f"Every story we have tagged “{self.subject.name}”, newest first."


def source_stories(stories, source):
    # A story citing the source twice is listed once, without DISTINCT over every column.
    return stories.filter(Exists(Citation.objects.filter(article=OuterRef("pk"), source_id=source)))


class SourceView(ArticleListView):
    subjects = by_slug(Source)
    story_list = StoryList(source_stories)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            kind=self.subject.get_kind_display(), website=self.subject.url, **kwargs
        )

    def heading(self):
        return f"Stories citing {self.subject.name}"

    def description(self):
        kind = self.subject.source_kind.reader_label
        return f"Stories that cite {self.subject.name} ({kind}) as a source, newest first."


def author_stories(stories, author):
    return stories.filter(authors=author)


class AuthorView(ArticleListView):
    subjects = by_slug(Author)
    story_list = StoryList(author_stories)

    def get_context_data(self, **kwargs):
        reviewed = Article.objects.published().for_cards().filter(reviewed_by=self.subject)
        return super().get_context_data(
            author=self.subject,
            photo=self.subject.photo_picture,
            role=self.subject.role,
            reviewed=reviewed.order_by("-published_at", "-pk")[:REVIEWED_ON_AUTHOR_PAGE],
            **kwargs,
        )

    def heading(self):
        return self.subject.display_name

    def description(self):
        return self.subject.bio or f"Stories by {self.subject.name}, newest first."


class ArchiveView(PublishedMixin, ListView):
    """Every published story, newest first, with the months that have any."""

    template_name = "articles/archive.html"
    context_object_name = "articles"
    paginate_by = 24

    def get_context_data(self, **kwargs):
        months = Article.objects.published_months()
        return super().get_context_data(months=months, month=None, heading="Archive", **kwargs)


class MonthView(PublishedMixin, MonthArchiveView):
    template_name = "articles/archive.html"
    context_object_name = "articles"
    date_field = "published_at"
    month_format = "%m"
    paginate_by = 48
    allow_future = True  # published() has left out the stories still to come

    def get_dated_queryset(self, **lookup):
        # The month's end as published()'s one upper bound, for SQLite to seek on.
        self.published_before = lookup.pop("published_at__lt")
        return super().get_dated_queryset(**lookup)

    def get_date_list(self, queryset, date_type=None, ordering="ASC"):
        return []  # The page lists no days; get_dated_queryset() has found it is not empty.

    @cached_property
    def months(self):
        return Article.objects.published_months()

    # The neighbouring months with stories, from the list the page shows anyway.
    def get_previous_month(self, date):
        return next((month for month in self.months if month < date), None)

    def get_next_month(self, date):
        return next((month for month in reversed(self.months) if month > date), None)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(months=self.months, **kwargs)
        context["heading"] = f"Stories from {context['month']:%B %Y}"
        return context


class SearchPaginator(Paginator):
    """
    Pages of the best `MAX_SEARCH_RESULTS` only: past those, readers refine their search.
    The list paged is of ids, one more than that at most, so that "more than" can be said.
    """

    @cached_property
    def count(self):
        return min(len(self.object_list), MAX_SEARCH_RESULTS)

    @property
    def has_more(self):
        return len(self.object_list) > MAX_SEARCH_RESULTS


class SearchView(PublishedMixin, ListView):
    template_name = "articles/search.html"
    context_object_name = "articles"
    paginator_class = SearchPaginator

    def get_queryset(self):
        self.form = SearchForm(self.request.GET)
        self.query = self.suggestion = ""
        if not self.form.is_valid() or not self.form.cleaned_data["q"]:
            return []
        self.query = self.form.cleaned_data["q"]
        stories = self.form.filter(super().get_queryset())
        # One query ranks the matches, for the count and every page; the page's stories come
        # with their highlights in another.
        ids = self.ranked_ids(stories, self.query)
        if not ids and (suggestion := stories.spelling_suggestion(self.query)):
            self.suggestion = suggestion
            ids = self.ranked_ids(stories, suggestion)
        return ids

    def ranked_ids(self, stories, text):
        return list(stories.search(text).values_list("pk", flat=True)[: MAX_SEARCH_RESULTS + 1])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, query=self.query, **kwargs)
        context["suggestion"] = self.suggestion
        if ids := list(context["page_obj"] or []):
            marked = Article.objects.for_cards().highlights(self.suggestion or self.query, ids)
            stories = {story.pk: story for story in marked}
            context["articles"] = [stories[pk] for pk in ids]
            for story in context["articles"]:
                story.headline_html = search.highlighted(story.headline_html)
                story.excerpt_html = search.highlighted(story.excerpt_html)
        else:
            # Somewhere to go next: the topics most used lately, and the newest stories.
            published = Article.objects.published()
            recent = published.order_by("-published_at").values("pk")[:RECENT_FOR_TOPICS]
            context["topics"] = (
                Tag.objects.filter(articles_taggedarticle_items__content_object__in=recent)
                .annotate(stories=Count("articles_taggedarticle_items"))
                .order_by("-stories", "name")[:TOPICS_ON_SEARCH]
            )
            context["latest"] = published.for_cards().order_by("-published_at", "-pk")[
                :LATEST_ON_SEARCH
            ]
        return context


class OpenSearchView(TemplateView):
    """Lets browsers add the site's search to their search bar (linked from every page)."""

    template_name = "opensearch.xml"
    content_type = "application/opensearchdescription+xml; charset=utf-8"


class ArticleView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"
    extra_context = {"is_preview": False}

    def get_queryset(self):
        return with_page_data(Article.objects.published())

    def get_object(self, queryset=None):
        return attach_page_data(super().get_object(queryset))

    def get_context_data(self, **kwargs):
        article = self.object
        more, also = Article.objects.related_to(
            article, tag_ids=[tag.pk for tag in article.tags.all()]
        )
        return super().get_context_data(more_stories=more, also_like=also, **kwargs)


def published_story():
    now = Param("now", DateTimeField())
    story = with_page_data(Article.objects.published(now=now), now=now)
    return story.filter(slug=Param("slug", SlugField())).order_by()[:1]


PUBLISHED_STORY = PreparedQuerySet(published_story)


class MarkdownView(View):
    """/<slug>.md: the published story, or page, at /<slug>/ as Markdown."""

    def get(self, request, slug):
        story = with_page_data(Article.objects.published()).filter(slug=slug).first()
        if story is not None:
            text = story_markdown(attach_page_data(story))
        else:
            text = page_markdown(get_object_or_404(Page.objects.published(), slug=slug))
        return HttpResponse(text, content_type="text/markdown; charset=utf-8")


class LlmsTxtView(TemplateView):
    """/llms.txt: what the publication is and where its sections, pages and feeds are."""

    template_name = "llms.txt"
    content_type = "text/plain; charset=utf-8"

    def get_context_data(self, **kwargs):
        latest = Article.objects.published().for_cards().order_by("-published_at", "-pk")[:20]
        return super().get_context_data(latest=latest, **kwargs)


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"


@require_safe
@cache_control(max_age=86400, public=True)
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the static icon."""
    return redirect(static("favicon.ico"))


class PageView(DetailView):
    template_name = "articles/page_detail.html"
    context_object_name = "page"
    extra_context = {"is_preview": False}
    queryset = Page.objects.published()


@method_decorator(never_cache, name="dispatch")
class PagePreviewView(PageView):
    """A page in any status, for staff who may see pages."""

    def get_queryset(self):
        if not self.request.user.has_perm("articles.view_page"):
            raise Http404
        return Page.objects.all()

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context | {"is_preview": True}, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response


class PublishedArticleView(ArticleView):
    """
    The public story page at /<slug>/; the same short address serves a page (About, Privacy...),
    and an old address of a renamed story redirects permanently.
    """

    def get_object(self, queryset=None):
        # get_queryset()'s story by its slug, in SQL compiled once (see articles.prepared).
        values = {"slug": self.kwargs["slug"], "now": timezone.now()}
        if stories := PUBLISHED_STORY.run(values):
            return attach_page_data(stories[0])
        raise Http404("No published story at this address.")

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            try:
                return PageView.as_view()(request, *args, **kwargs)
            except Http404:
                pass
            redirect = SlugRedirect.objects.filter(old_slug=kwargs["slug"]).first()
            if redirect and redirect.article.state == Article.State.LIVE:
                return HttpResponsePermanentRedirect(redirect.article.get_absolute_url())
            raise


class CategoryColoursView(TemplateView):
    """The categories' colours as a stylesheet: the Content Security Policy refuses style=""."""

    template_name = "articles/category_colours.css"
    content_type = "text/css; charset=utf-8"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"categories": Category.objects.all()}


@method_decorator(never_cache, name="dispatch")
class ArticlePreviewView(ArticleView):
    """A story in any status on the real page: editors see every story, writers their own."""

    def get_queryset(self):
        user = self.request.user
        if not user.has_perm("articles.view_article"):
            raise Http404
        return articles_visible_to(user, self.any_status())

    def any_status(self):
        return with_page_data(Article.objects.all())

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context | {"is_preview": True}, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response


class SharedPreviewView(ArticlePreviewView):
    """The same preview for a reviewer without an account, through a signed expiring link."""

    def get_queryset(self):
        return self.any_status()

    def get_object(self, queryset=None):
        pk = preview_token_article_pk(self.kwargs["token"])
        if pk is None:
            raise Http404("This preview link is invalid or has expired.")
        return attach_page_data(get_object_or_404(self.get_queryset(), pk=pk))
