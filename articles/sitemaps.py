from datetime import date, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, sitemap
from django.core.paginator import Paginator
from django.db.models import Exists, Max, OuterRef, Subquery
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, Author, Category, Source, fixed_url
from articles.seo import absolute_url

NEWS_WINDOW = timedelta(days=2)


class SiteSitemap(Sitemap):
    """Addresses built from settings.SITE_URL, whatever Host the sitemap was fetched on."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    def index_pages(self, section):
        """The addresses of the section's pages for the index: none if it is empty."""
        url = reverse("articles:sitemap_section", kwargs={"section": section})
        paginator = self.paginator
        pages = paginator.page_range if paginator.count else []
        return [url if page == 1 else f"{url}?p={page}" for page in pages]


class HomeSitemap(SiteSitemap):
    changefreq = "hourly"
    priority = 1.0

    def items(self):
        return ["articles:home"]

    def location(self, item):
        return reverse(item)


class ArticleSitemap(SiteSitemap):
    """
    Every story, by pages of 2,000 (/sitemap-articles.xml?p=2), addresses crawlers were given
    that keep working; the index lists the stories by month instead (MonthSitemap).
    """

    limit = 2000

    def stories(self):
        return Article.objects.published()

    def items(self):
        return (
            self.stories()
            .select_related("hero")
            .only("slug", "modified_at", "hero__renditions")
            .order_by("-published_at", "-pk")
        )

    def lastmod(self, article):
        return article.modified_at

    def get_latest_lastmod(self):
        return Article.objects.published().aggregate(latest=Max("modified_at"))["latest"]

    def get_urls(self, *args, **kwargs):
        urls = super().get_urls(*args, **kwargs)
        for url in urls:
            picture = url["item"].hero_picture
            url["images"] = [absolute_url(picture.all()[-1].url)] if picture else []
        return urls

    def index_pages(self, section):
        # Read off the index of dates, where pages of 2,000 need every story counted.
        return [month_sitemap_url(month) for month in Article.objects.published_months()]


class MonthSitemap(ArticleSitemap):
    """
    The stories of one month (/sitemap-articles-2026-11.xml), on one page: a month would need
    1,600 stories a day to pass the protocol's 50,000.
    """

    limit = 50_000

    def __init__(self, month):
        self.month = month

    def stories(self):
        return Article.objects.published_in_month(self.month)

    @property
    def paginator(self):
        # A month without stories has no page: 404, not an empty list.
        return Paginator(self._items(), self.limit, allow_empty_first_page=False)


class ListingSitemap(SiteSitemap):
    """Pages listing stories about one thing, each dated by its newest story; none left empty."""

    model = None
    story_lookup = None

    dated = True

    def items(self):
        stories = Article.objects.published().filter(**{self.story_lookup: OuterRef("pk")})
        items = self.model.objects.order_by("pk")
        if not self.dated:
            return items.filter(Exists(stories))
        # The newest story's date says whether there is one too, read off the index of dates:
        # PostgreSQL plans EXISTS here as a join of every story, for an author who has them all.
        newest = stories.order_by("-published_at").values("published_at")[:1]
        return items.annotate(newest=Subquery(newest)).filter(newest__isnull=False)

    def lastmod(self, item):
        return item.newest if self.dated else None

    def get_latest_lastmod(self):
        # The newest story: what the index needs, without dating every listing.
        return Article.objects.published().aggregate(latest=Max("published_at"))["latest"]


class CategorySitemap(ListingSitemap):
    model = Category
    story_lookup = "category"


class AuthorSitemap(ListingSitemap):
    model = Author
    story_lookup = "authors"


class SourceSitemap(ListingSitemap):
    model = Source
    story_lookup = "citations__source"


class TagSitemap(ListingSitemap):
    model = Tag
    story_lookup = "tags"
    # Undated: dating each tag reads every tagging's story (~1 s at 100,000 stories).
    dated = False

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


def sitemap_index(request):
    """
    Every page of every section, as Django's `sitemaps.views.index` lists them but with
    addresses on settings.SITE_URL (Django's uses the Host the index was fetched on), and
    none left empty.
    """
    entries, lastmods = [], {}
    for section, site in sitemaps.items():
        site = site()
        # Each page dated by its section's latest change (for stories, of any story: dating
        # each month would read all its stories), asked once of the listings, which share it.
        latest = type(site).get_latest_lastmod
        if latest not in lastmods:
            lastmods[latest] = site.get_latest_lastmod()
        lastmod = lastmods[latest]
        entries += [
            SitemapIndexItem(absolute_url(url), lastmod) for url in site.index_pages(section)
        ]
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )


def month_sitemap_url(month):
    return fixed_url("articles:sitemap_month", month.year, f"{month:%m}")


def month_sitemap(request, year, month):
    try:
        first_day = date(year, month, 1)
    except (ValueError, OverflowError):
        raise Http404("No such month.") from None
    return sitemap(
        request,
        {"articles": MonthSitemap(first_day)},
        section="articles",
        template_name="sitemaps/sitemap.xml",
    )
