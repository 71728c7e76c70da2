from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView, TemplateView
from taggit.models import Tag

from articles.forms import SearchForm
from articles.models import Article, ArticleAuthor, Author, Category, Citation, Source


class PublishedMixin:
    paginate_by = 12

    def get_queryset(self):
        return Article.objects.published().for_cards().order_by("-published_at", "-pk")


class HomeView(PublishedMixin, TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        published = self.get_queryset()
        lead = published.filter(featured=True).first() or published.first()
        latest = list(published.exclude(pk=getattr(lead, "pk", None))[:6])
        shown = {story.pk for story in latest} | {getattr(lead, "pk", None)}
        sections = []
        for category in Category.objects.all():
            stories = [s for s in published.filter(category=category)[:7] if s.pk not in shown]
            if stories:
                sections.append((category, stories[:3]))
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
        return super().get_context_data(subject=self.subject, heading=self.heading(), **kwargs)


class CategoryView(ArticleListView):
    model_for_subject = Category

    def filter_for(self, queryset, category):
        return queryset.filter(category=category)

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.subject, **kwargs)

    def heading(self):
        return f"{self.subject.emoji} {self.subject.name}".strip()


class TagView(ArticleListView):
    model_for_subject = Tag

    def filter_for(self, queryset, tag):
        return queryset.filter(tags=tag)

    def heading(self):
        return f"Stories tagged “{self.subject.name}”"


class SourceView(ArticleListView):
    model_for_subject = Source

    def filter_for(self, queryset, source):
        return queryset.filter(citations__source=source).distinct()

    def heading(self):
        return f"Stories citing {self.subject.name}"


class AuthorView(ArticleListView):
    model_for_subject = Author

    def filter_for(self, queryset, author):
        return queryset.filter(authors=author)

    def heading(self):
        return f"Stories by {self.subject.display_name}"


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
        return (
            Article.objects.published()
            .select_related("category", "reviewed_by", "series")
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
