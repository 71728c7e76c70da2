from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, Max, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, Author, Category, Source
from articles.seo import absolute_url

NEWS_WINDOW = timedelta(days=2)


class SiteSitemap(Sitemap):
    """Addresses built from settings.SITE_URL, whatever Host the sitemap was fetched on."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class HomeSitemap(SiteSitemap):
    changefreq = "hourly"
    priority = 1.0

    def items(self):
        return ["articles:home"]

    def location(self, item):
        return reverse(item)


class ArticleSitemap(SiteSitemap):
    def items(self):
        return (
            Article.objects.published()
            .select_related("hero")
            .only("slug", "modified_at", "hero__renditions")
            .order_by("-published_at", "-pk")
        )

    def lastmod(self, article):
        return article.modified_at

    def get_urls(self, *args, **kwargs):
        urls = super().get_urls(*args, **kwargs)
        for url in urls:
            picture = url["item"].hero_picture
            url["images"] = [absolute_url(picture.all()[-1].url)] if picture else []
        return urls


class ListingSitemap(SiteSitemap):
    """Pages listing stories about one thing, each dated by its newest story; none left empty."""

    model = None
    story_lookup = None

    def items(self):
        stories = Article.objects.published().filter(**{self.story_lookup: OuterRef("pk")})
        newest = Max(
            f"{self.related_name}__published_at",
            filter=Q(**{f"{self.related_name}__in": Article.objects.published()}),
        )
        return self.model.objects.filter(Exists(stories)).annotate(newest=newest).order_by("pk")

    def lastmod(self, item):
        return item.newest


class CategorySitemap(ListingSitemap):
    model = Category
    story_lookup = "category"
    related_name = "articles"


class AuthorSitemap(ListingSitemap):
    model = Author
    story_lookup = "authors"
    related_name = "articles"


class SourceSitemap(ListingSitemap):
    model = Source
    story_lookup = "citations__source"
    related_name = "citations__article"


class TagSitemap(ListingSitemap):
    model = Tag
    story_lookup = "tags"
    related_name = "articles_taggedarticle_items__content_object"

    def location(self, tag):
        return reverse("articles:tag", kwargs={"slug": tag.slug})


class NewsSitemap(SiteSitemap):
    """Google News: stories published in the last two days, at most 1,000."""

    limit = 1000

    def items(self):
        since = timezone.now() - NEWS_WINDOW
        return (
            Article.objects.published()
            .filter(published_at__gte=since)
            .order_by("-published_at", "-pk")
        )

    def lastmod(self, article):
        return article.modified_at


sitemaps = {
    "home": HomeSitemap,
    "articles": ArticleSitemap,
    "categories": CategorySitemap,
    "tags": TagSitemap,
    "sources": SourceSitemap,
    "authors": AuthorSitemap,
}
