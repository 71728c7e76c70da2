"""Sent editions as public web pages and a feed: the stories, never a subscriber's own links."""

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.urls import reverse
from django.views.generic import DetailView, ListView

from articles.models import Article
from articles.seo import absolute_url
from articles.site import site_settings
from newsletter.models import Edition, EditionArticle

FEED_LENGTH = 20


def sent_editions():
    return Edition.objects.filter(status=Edition.Status.SENT, sent_at__isnull=False).order_by(
        "-sent_at", "-pk"
    )


def with_stories(editions):
    """Each edition's published stories in order, as `edition.published_links`, in one query."""
    links = EditionArticle.objects.filter(article__in=Article.objects.published()).select_related(
        "article__category"
    )
    return editions.prefetch_related(
        Prefetch("links", queryset=links.order_by("position", "pk"), to_attr="published_links")
    )


class EditionArchiveView(ListView):
    template_name = "newsletter/edition_archive.html"
    context_object_name = "editions"
    paginate_by = 20

    def get_queryset(self):
        return with_stories(sent_editions())


class EditionView(DetailView):
    template_name = "newsletter/edition_detail.html"
    context_object_name = "edition"

    def get_queryset(self):
        return with_stories(sent_editions())


class EditionFeed(Feed):
    language = "en-GB"

    def title(self):
        return f"{site_settings().name}: newsletter editions"

    def description(self):
        return f"Every newsletter {site_settings().name} has sent, as a web page."

    def link(self):
        return absolute_url(reverse("newsletter:archive"))

    def items(self):
        return with_stories(sent_editions())[:FEED_LENGTH]

    def item_title(self, edition):
        return edition.subject

    def item_description(self, edition):
        titles = [link.article.title for link in edition.published_links]
        return " · ".join(filter(None, [edition.intro, *titles]))

    def item_link(self, edition):
        return absolute_url(reverse("newsletter:edition", args=[edition.pk]))

    def item_pubdate(self, edition):
        return edition.sent_at
