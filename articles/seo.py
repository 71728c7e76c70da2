"""What search engines and link previews read: absolute URLs, share images and JSON-LD."""

import mimetypes
import re
from functools import cache
from typing import NamedTuple
from urllib.parse import urlsplit

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static
from django.urls import reverse

from articles.site import site_chrome, site_settings

LOGO_PATH = "img/logo.png"
LOGO_SIZE = (512, 512)


class Image(NamedTuple):
    url: str
    width: int
    height: int

    @property
    def mime_type(self):
        return mimetypes.guess_type(urlsplit(self.url).path)[0] or "image/jpeg"


def absolute_url(url):
    """`url` on the public site: built from settings.SITE_URL, never from the request's Host."""
    if urlsplit(url).scheme:
        return url
    return f"{settings.SITE_URL}{url}"


def absolute_links(html):
    """`html` with its site-relative links (href="/...") made absolute, for feeds and copies."""
    return RELATIVE_HREF.sub(f'href="{settings.SITE_URL}/', html)


RELATIVE_HREF = re.compile(r'href="/(?!/)')


def article_images(article):
    """The story's share images (`Article.share_renditions`) as [(absolute url, w, h)]."""
    return [Image(absolute_url(r.url), r.width, r.height) for r in article.share_renditions]


def share_image(article=None, site=None):
    """The image link previews show: the story's largest image, else the publication's logo."""
    images = article_images(article) if article else []
    return images[0] if images else logo(site)


SLUG_PLACEHOLDER = "slug"


def article_share_preview(article):
    """
    What a search result and a social card show for `article` (saved or not), from the same
    fields and functions as the page's meta tags (templates/includes/head_meta.html): the
    admin's preview (static/js/share-preview.js) updates it as the editor types.
    """
    address = absolute_url(reverse("articles:article", kwargs={"slug": SLUG_PLACEHOLDER}))
    prefix = address[: address.rindex(SLUG_PLACEHOLDER)]
    return {
        "site_name": settings.SITE_NAME,
        "title": article.meta_title,
        "description": article.meta_description,
        "url_prefix": prefix,
        "host": urlsplit(prefix).netloc,
        "url": f"{prefix}{article.slug}/" if article.slug else prefix,
        "image": (image := share_image(article if article.pk else None)),
        # Shown from wherever the admin is served, which need not be SITE_URL.
        "image_src": image.url.removeprefix(settings.SITE_URL),
        "image_alt": article.hero.alt_text if article.hero_id else settings.SITE_NAME,
    }


def logo(site=None):
    site = site or site_settings()
    if site.logo and site.logo_width:
        return Image(absolute_url(site.logo.url), site.logo_width, site.logo_height)
    return default_logo()


@cache
def default_logo():
    """The logo the site ships with, found in the static files once per process."""
    return Image(absolute_url(static(LOGO_PATH)), *LOGO_SIZE)


@receiver(setting_changed)  # as tests change them (override_settings)
def default_logo_forget(*, setting, **kwargs):
    if setting in {"SITE_URL", "STATIC_URL", "STORAGES"}:
        default_logo.cache_clear()


def organization(chrome=None):
    chrome = chrome or site_chrome()  # one cache read for the settings, the logo and the policies
    site = chrome.settings
    data = {
        "@type": "NewsMediaOrganization",
        "@id": f"{settings.SITE_URL}/#organization",
        "name": site.name,
        "url": f"{settings.SITE_URL}/",
        "logo": image_object(logo(site)),
    }
    if accounts := [url for _, url in site.social_links]:
        data["sameAs"] = accounts
    policies = chrome.policy_urls
    for prop, role in POLICY_PROPERTIES.items():
        if policies[role]:
            data[prop] = absolute_url(policies[role])
    return data


# The Trust Project's policy links in Organization JSON-LD: property -> the Page.role serving it.
POLICY_PROPERTIES = {
    "publishingPrinciples": "standards",
    "ethicsPolicy": "standards",
    "correctionsPolicy": "corrections",
    "ownershipFundingInfo": "about",
    "masthead": "about",
}


def image_object(image):
    return {"@type": "ImageObject", "url": image.url, "width": image.width, "height": image.height}


def person(author):
    data = {"@type": "Person", "name": author.name, "url": absolute_url(author.get_absolute_url())}
    if author.credentials:
        data["honorificSuffix"] = author.credentials
    return data


def source_entity(source, *, with_affiliation=True):
    """A source as what it is: a Periodical, a Person, a university, a news organisation..."""
    data = {"@type": source.source_kind.schema_type, "name": source.name}
    if source.url:
        data["url"] = source.url
    if source.honorific_suffix:
        data["honorificSuffix"] = source.honorific_suffix
    if with_affiliation and source.affiliation_id:
        data["affiliation"] = source_entity(source.affiliation, with_affiliation=False)
    return data


def citation(cite):
    """
    A cited journal is itself a creative work (a Periodical, or one of its papers when the
    citation links to one). A person or an organisation is
    not, and `citation` takes creative works: it is cited as what it said (the release, the
    interview, the page linked), with the typed source as that work's `creator`.
    """
    entity = source_entity(cite.source)
    if entity["@type"] != "Periodical":
        data = {"@type": "CreativeWork", "name": cite.source.name, "creator": entity}
    elif cite.url or cite.doi:
        # A link or DOI on a journal points to one of its papers.
        data = {"@type": "ScholarlyArticle", "name": cite.source.name, "isPartOf": entity}
    else:
        data = entity
    if cite.note:
        data["description"] = cite.note
    if cite.link:
        data["url"] = cite.link
    if cite.doi:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": cite.doi}
        data["sameAs"] = f"https://doi.org/{cite.doi}"
    return data


def scholarly_article(study):
    """A study the story reports, as a consumer of scholarly metadata would look for it."""
    data = {"@type": "ScholarlyArticle"}
    if study.title:
        data["name"] = data["headline"] = study.title
    description = study.kind.label if study.design != "not_applicable" else ""
    if study.population:
        description = f"{description or 'Study'} in {study.population}"
    if description:
        data["description"] = description
    if study.journal:
        data["isPartOf"] = {"@type": "Periodical", "name": study.journal}
    if study.published:
        data["datePublished"] = study.published
    if authors := [name.strip() for name in re.split(r"[,;\n]", study.authors) if name.strip()]:
        data["author"] = [{"@type": "Person", "name": name} for name in authors]
    identifiers = []
    if study.doi:
        identifiers.append({"@type": "PropertyValue", "propertyID": "DOI", "value": study.doi})
        data["sameAs"] = data["url"] = study.doi_url
    if study.pmid:
        identifiers.append({"@type": "PropertyValue", "propertyID": "PMID", "value": study.pmid})
        data.setdefault("url", study.pubmed_url)
    if identifiers:
        data["identifier"] = identifiers[0] if len(identifiers) == 1 else identifiers
    if study.notice_badge:
        data["creativeWorkStatus"] = study.notice_badge
    elif study.is_preprint:
        data["creativeWorkStatus"] = "Preprint"
    return data


def home_jsonld(chrome=None):
    """The publisher and the site, with the search box search engines may offer."""
    search = absolute_url(reverse("articles:search"))
    publisher = organization(chrome)
    return {
        "@context": "https://schema.org",
        "@graph": [
            publisher,
            {
                "@type": "WebSite",
                "@id": f"{settings.SITE_URL}/#website",
                "name": publisher["name"],
                "url": f"{settings.SITE_URL}/",
                "inLanguage": "en-GB",
                "publisher": {"@id": f"{settings.SITE_URL}/#organization"},
                "potentialAction": {
                    "@type": "SearchAction",
                    "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{query}}"},
                    "query-input": "required name=query",
                },
            },
        ],
    }


def article_jsonld(article, chrome=None):
    """
    NewsArticle, BreadcrumbList and, for medically reviewed stories, MedicalWebPage.

    Reads only what the article page prefetches: bylines, studies, citations, corrections, tags;
    and the site's `chrome` when given (the page has already read it from the cache).
    """
    url = absolute_url(article.get_absolute_url())
    category_url = absolute_url(article.category.get_absolute_url())
    page_type = "MedicalWebPage" if article.reviewed_by_id else "WebPage"
    news = {
        "@type": article.work.schema_type,
        "@id": f"{url}#article",
        "headline": article.title,
        "description": article.meta_description,
        "url": url,
        "mainEntityOfPage": {"@type": page_type, "@id": url},
        "datePublished": article.published_at and article.published_at.isoformat(),
        "dateModified": (
            article.updated_at or article.published_at or article.modified_at
        ).isoformat(),
        # A story without a byline is the publication's own.
        "author": [person(byline.author) for byline in article.bylines.all()]
        or [{"@id": f"{settings.SITE_URL}/#organization"}],
        "publisher": organization(chrome),
        "articleSection": article.category.name,
        "keywords": ", ".join(tag.name for tag in article.tags.all()),
        "inLanguage": "en-GB",
        "isAccessibleForFree": True,
        "genre": article.work.label,
    }
    if images := article_images(article):
        news["image"] = [image_object(image) for image in images]
    studies = [scholarly_article(study) for study in article.studies.all()]
    if cited := studies + [citation(cite) for cite in article.citations.all()]:
        news["citation"] = cited
    if corrections := article.corrections.all():
        news["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": correction.text,
                "datePublished": correction.date.isoformat(),
            }
            for correction in corrections
        ]
    graph = [
        news,
        {
            "@type": "BreadcrumbList",
            "itemListElement": [
                crumb(1, "Home", f"{settings.SITE_URL}/"),
                crumb(2, article.category.name, category_url),
                crumb(3, article.title, url),
            ],
        },
    ]
    if article.reviewed_by_id:
        page = {
            "@type": "MedicalWebPage",
            "@id": url,
            "url": url,
            "name": article.meta_title,
            "reviewedBy": person(article.reviewed_by),
            "mainEntity": {"@id": f"{url}#article"},
        }
        if article.last_reviewed:
            page["lastReviewed"] = article.last_reviewed.isoformat()
        graph.append(page)
    return {"@context": "https://schema.org", "@graph": graph}


def crumb(position, name, url):
    return {"@type": "ListItem", "position": position, "name": name, "item": url}
