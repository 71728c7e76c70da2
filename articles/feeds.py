from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import feedgenerator
from django.utils.html import escape, strip_tags

from articles.models import Article, ArticleAuthor, Category
from articles.sanitize import sanitize_html, strip_control_characters
from articles.seo import absolute_links, absolute_url, article_images
from articles.site import site_settings

FEED_LENGTH = 20
MEDIA_NS = "http://search.yahoo.com/mrss/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"


def add_media_content(handler, item):
    """Media RSS <media:content>: the hero image with its size, alt text and credit."""
    if not (image := item.get("image")):
        return
    handler.startElement(
        "media:content",
        {
            "url": image.url,
            "medium": "image",
            "type": image.mime_type,
            "width": str(image.width),
            "height": str(image.height),
        },
    )
    if item["image_alt"]:
        handler.addQuickElement("media:description", item["image_alt"])
    if item["image_credit"]:
        handler.addQuickElement("media:credit", item["image_credit"])
    handler.endElement("media:content")


def xml_safe(value):
    """`value` (text, or a list of texts) without the control characters XML 1.0 forbids."""
    if isinstance(value, str):
        return strip_control_characters(value)
    if type(value) in (list, tuple):  # not named tuples such as a Rendition
        return [xml_safe(item) for item in value]
    return value


def item_full_text(feed, item):
    """The story's whole text, when the site's feeds carry it (read once a feed)."""
    return full_text(item["story"]) if feed["full_text_feeds"] else ""


class XMLSafeFeed:
    """One name with a control character (stored around save()) must not take a feed down."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **{key: xml_safe(value) for key, value in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*args, **{key: xml_safe(value) for key, value in kwargs.items()})


class MediaRSSFeed(XMLSafeFeed, feedgenerator.Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_NS, "xmlns:content": CONTENT_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if text := item_full_text(self.feed, item):
            handler.addQuickElement("content:encoded", text)
        # RSS 2.0 has no update date of its own; readers understand Atom's.
        if item["updateddate"] is not None:
            handler.addQuickElement("atom:updated", feedgenerator.rfc3339_date(item["updateddate"]))
        add_media_content(handler, item)


class MediaAtomFeed(XMLSafeFeed, feedgenerator.Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if text := item_full_text(self.feed, item):
            handler.addQuickElement("content", text, {"type": "html"})
        add_media_content(handler, item)


class ArticleFeed(Feed):
    """The fields every feed item carries; each feed only says which stories."""

    feed_type = MediaRSSFeed
    language = "en-GB"
    item_guid_is_permalink = True

    def title(self, obj=None):
        return strip_tags(f"{settings.SITE_NAME}: {obj.name}" if obj else settings.SITE_NAME)

    def description(self, obj=None):
        return (obj.description if obj else "") or settings.SITE_DESCRIPTION

    subtitle = description

    def link(self, obj=None):
        return absolute_url(obj.get_absolute_url() if obj else reverse("articles:home"))

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # The feed is written in hundreds of small pieces: one body is sent (and cached) at once.
        response.content = response.content
        return response

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["feed_url"] = absolute_url(request.path)
        return feed

    def published(self):
        return (
            Article.objects.published()
            .select_related("category", "hero")
            .prefetch_related(
                "tags", Prefetch("bylines", queryset=ArticleAuthor.objects.select_related("author"))
            )
            .order_by("-published_at", "-pk")
        )

    def item_title(self, item):
        # Plain text, but some readers guess HTML when a title looks like markup.
        return strip_tags(item.title)

    def item_description(self, item):
        # RSS <description> and Atom <summary type="html"> hold HTML, which readers render. The
        # standfirst is plain text: escaped, it reads as typed; the allow-list is a second guard.
        return sanitize_html(escape(item.standfirst))

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def item_author_name(self, item):
        return ", ".join(byline.author.name for byline in item.bylines.all()) or None

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at or item.published_at

    def item_categories(self, item):
        return [item.category.name, *(tag.name for tag in item.tags.all())]

    def item_enclosures(self, item):
        """The largest JPEG rendition of the hero image; <media:content> gives its size."""
        if not (picture := item.hero_picture):
            return []
        name = picture.sizes[-1]["jpeg"]
        try:
            length = picture.storage.size(name)
        except OSError:  # A missing file must not break the feed.
            return []
        url = absolute_url(picture.storage.url(name))
        return [feedgenerator.Enclosure(url, str(length), "image/jpeg")]

    def feed_extra_kwargs(self, obj):
        return {"full_text_feeds": site_settings().full_text_feeds}

    def item_extra_kwargs(self, item):
        images = article_images(item)
        return {
            "image": images[0] if images else None,
            "image_alt": item.hero.alt if item.hero_id else "",
            "image_credit": item.hero.credit if item.hero_id else "",
            "story": item,
        }


def full_text(article):
    """The story's body for feed readers: sanitised again, links absolute, valid in XML."""
    return strip_control_characters(absolute_links(sanitize_html(article.body)))


class LatestFeed(ArticleFeed):
    def items(self):
        return self.published()[:FEED_LENGTH]


class LatestAtomFeed(LatestFeed):
    feed_type = MediaAtomFeed


class CategoryFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def items(self, category):
        # The stories found by id, as a listing's page is (see articles.pagination).
        newest = self.published().filter(category=category).values("pk")[:FEED_LENGTH]
        return self.published().filter(pk__in=newest)


class CategoryAtomFeed(CategoryFeed):
    feed_type = MediaAtomFeed
