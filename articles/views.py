from itertools import groupby

from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect
from django.templatetags.static import static
from django.utils.decorators import method_decorator
from django.views.decorators.cache import cache_control, never_cache
from django.views.generic import DetailView, ListView, TemplateView
from taggit.models import Tag

from articles.forms import SearchForm
from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    Category,
    Citation,
    SlugRedirect,
    Source,
)
from articles.preview import preview_token_article_pk
from articles.services import articles_visible_to

LATEST_ON_HOME = 6
PER_SECTION_ON_HOME = 3


class PublishedMixin:
    paginate_by = 12

    def get_queryset(self):
        return Article.objects.published().for_cards().order_by("-published_at", "-pk")


class HomeView(PublishedMixin, TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        published = self.get_queryset()
        lead = published.filter(featured=True).first() or published.first()
        shown = [lead.pk] if lead else []
        latest = list(published.exclude(pk__in=shown)[:LATEST_ON_HOME])
        shown += [story.pk for story in latest]
        newest = published.exclude(pk__in=shown).newest_per_category(limit=PER_SECTION_ON_HOME)
        sections = [
            (stories[0].category, stories)
            for _, group in groupby(newest, key=lambda story: story.category_id)
            if (stories := list(group))
        ]
        return super().get_context_data(lead=lead, latest=latest, sections=sections, **kwargs)


class ArticleListView(PublishedMixin, ListView):
    """A paginated list of cards about one thing: a category, tag, source or author."""

    template_name = "articles/article_list.html"
    context_object_name = "articles"
    model_for_subject = None

    def get_subject(self):
        return get_object_or_404(self.model_for_subject, slug=self.kwargs["slug"])

    def get_queryset(self):
        self.subject = self.get_subject()
        return self.filter_for(super().get_queryset(), self.subject)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            subject=self.subject,
            heading=self.heading(),
            description=self.description(),
            **kwargs,
        )

    def description(self):
        return ""


class CategoryView(ArticleListView):
    model_for_subject = Category

    def filter_for(self, queryset, category):
        return queryset.filter(category=category)

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.subject, **kwargs)

    def heading(self):
        return self.subject.label

    def description(self):
        return self.subject.description or f"The latest {self.subject.name} stories."


class TagView(ArticleListView):
    model_for_subject = Tag

    def get_subject(self):
        # A tag found only on unpublished stories is not public yet: its name can give one away.
        published = Article.objects.published().filter(tags=OuterRef("pk"))
        return get_object_or_404(Tag.objects.filter(Exists(published)), slug=self.kwargs["slug"])

    def filter_for(self, queryset, tag):
        return queryset.filter(tags=tag)

    def heading(self):
        return f"Stories tagged “{self.subject.name}”"

    def description(self):
        return f"Every story we have tagged “{self.subject.name}”, newest first."


class SourceView(ArticleListView):
    model_for_subject = Source

    def filter_for(self, queryset, source):
        return queryset.filter(citations__source=source).distinct()

    def heading(self):
        return f"Stories citing {self.subject.name}"

    def description(self):
        kind = self.subject.get_kind_display().lower()
        return f"Stories that cite {self.subject.name} ({kind}) as a source, newest first."


class AuthorView(ArticleListView):
    model_for_subject = Author

    def filter_for(self, queryset, author):
        return queryset.filter(authors=author)

    def heading(self):
        return self.subject.display_name

    def description(self):
        return self.subject.bio or f"Stories by {self.subject.name}, newest first."


class SearchView(PublishedMixin, ListView):
    template_name = "articles/search.html"
    context_object_name = "articles"

    def get_queryset(self):
        self.form = SearchForm(self.request.GET)
        self.query = self.form.cleaned_data["q"] if self.form.is_valid() else ""
        if not self.query:
            return Article.objects.none()
        return super().get_queryset().search(self.query)

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, query=self.query, **kwargs)


class ArticleView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return self.with_page_data(Article.objects.published())

    @staticmethod
    def with_page_data(queryset):
        """Everything the story page shows, in a fixed number of queries."""
        return (
            queryset.select_related("category", "reviewed_by", "series", "hero")
            .with_series_neighbours()
            .prefetch_related(
                "tags",
                "corrections",
                Prefetch("bylines", queryset=ArticleAuthor.objects.select_related("author")),
                Prefetch("citations", queryset=Citation.objects.select_related("source")),
            )
        )

    def get_context_data(self, **kwargs):
        article = self.object
        more = list(Article.objects.more_like(article))
        also = Article.objects.also_like(
            article, exclude=more, tag_ids=[tag.pk for tag in article.tags.all()]
        )
        return super().get_context_data(more_stories=more, also_like=list(also), **kwargs)


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"


@cache_control(max_age=86400, public=True)
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the static icon."""
    return redirect(static("favicon.ico"))


class PublishedArticleView(ArticleView):
    """The public story page; an old address of a renamed story redirects permanently."""

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            redirect = SlugRedirect.objects.filter(old_slug=kwargs["slug"]).first()
            if redirect and redirect.article.state == Article.State.LIVE:
                return HttpResponsePermanentRedirect(redirect.article.get_absolute_url())
            raise


@method_decorator(never_cache, name="dispatch")
class ArticlePreviewView(ArticleView):
    """A story in any status on the real page: editors see every story, writers their own."""

    def get_queryset(self):
        user = self.request.user
        if not user.has_perm("articles.view_article"):
            raise Http404
        return articles_visible_to(user, self.any_status())

    def any_status(self):
        return self.with_page_data(Article.objects.all())

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
        return get_object_or_404(self.get_queryset(), pk=pk)
