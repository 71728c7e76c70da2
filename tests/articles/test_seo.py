import json
from datetime import date, datetime, timedelta
from html.parser import HTMLParser

import factory
import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from articles.models import Correction
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    ImageFactory,
    SourceFactory,
    byline,
    cite,
)

pytestmark = pytest.mark.django_db

SITE = "https://news.example.org"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


class Head(HTMLParser):
    """The <head> as a reader's browser or a crawler sees it."""

    def __init__(self, html):
        super().__init__()
        self.title, self.meta, self.links, self.jsonld = "", [], [], []
        self._in = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            self.meta.append((attrs.get("property") or attrs.get("name"), attrs.get("content")))
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "title" or (tag == "script" and attrs.get("type") == "application/ld+json"):
            self._in = tag

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "script":
            self.jsonld.append(json.loads(data))

    def handle_endtag(self, tag):
        self._in = None

    def one(self, name):
        (value,) = [content for key, content in self.meta if key == name]
        return value

    def all(self, name):
        return [content for key, content in self.meta if key == name]

    def canonical(self):
        (link,) = [link["href"] for link in self.links if link.get("rel") == "canonical"]
        return link

    def graph(self, type_):
        nodes = [node for data in self.jsonld for node in data["@graph"]]
        (node,) = [node for node in nodes if node["@type"] == type_]
        return node


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return Head(response.content.decode())


@pytest.fixture
def story():
    published = timezone.now() - timedelta(days=2)
    article = ArticleFactory(
        category=CategoryFactory(name="Health", slug="health"),
        title="Gene therapy restores hearing",
        standfirst="Children born deaf heard speech within weeks.",
        tags=["hearing", "gene therapy"],
        published_at=published,
        updated_at=published + timedelta(hours=5),
        hero=ImageFactory(
            file=factory.django.ImageField(width=1200, height=675, format="JPEG"),
            alt_text="A child with headphones",
            focal_x=0.2,
        ),
    )
    byline(article, AuthorFactory(name="Ada Writer", slug="ada", credentials="PhD"))
    cite(article, SourceFactory(name="The Lancet", url="https://www.thelancet.com/"))
    cite(article, SourceFactory(name="Clinic", url=""), doi="10.1016/S0140-6736(24)00001-1")
    Correction.objects.create(
        article=article, date=date(2026, 3, 14), text="The trial had 6 children, not 8."
    )
    return article


def test_article_page_has_title_description_canonical_and_open_graph(client, story):
    page = head(client, story.get_absolute_url())
    url = f"{SITE}{story.get_absolute_url()}"
    assert page.title == "Gene therapy restores hearing · Good News Daily"
    assert page.one("description") == "Children born deaf heard speech within weeks."
    assert page.canonical() == url
    assert page.one("og:type") == "article"
    assert page.one("og:title") == "Gene therapy restores hearing"
    assert page.one("og:description") == "Children born deaf heard speech within weeks."
    assert page.one("og:url") == url
    assert page.one("og:site_name") == "Good News Daily"
    (social,) = story.social_picture.all()  # cut to 1.91:1 around the focal point
    assert page.one("og:image") == f"{SITE}{social.url}"
    assert "/renditions/" in social.url and "-social-20-50-" in social.url
    assert (page.one("og:image:width"), page.one("og:image:height")) == ("1200", "628")
    assert page.one("og:image:alt") == "A child with headphones"
    published = datetime.fromisoformat(page.one("article:published_time"))
    assert published == story.published_at
    modified = datetime.fromisoformat(page.one("article:modified_time"))
    assert modified == story.updated_at
    assert page.one("article:section") == "Health"
    assert sorted(page.all("article:tag")) == ["gene therapy", "hearing"]
    assert page.one("twitter:card") == "summary_large_image"
    assert page.one("twitter:image") == f"{SITE}{social.url}"


def test_seo_overrides_win_over_headline_and_standfirst(client):
    article = ArticleFactory(seo_title="Short title", seo_description="A crisp summary.")
    page = head(client, article.get_absolute_url())
    assert page.title == "Short title · Good News Daily"
    assert page.one("description") == page.one("og:description") == "A crisp summary."
    assert page.one("og:title") == page.one("twitter:title") == "Short title"
    assert page.graph("ReportageNewsArticle")["headline"] == article.title


def test_news_article_json_ld(client, story):
    url = f"{SITE}{story.get_absolute_url()}"
    news = head(client, story.get_absolute_url()).graph("ReportageNewsArticle")
    assert news["headline"] == "Gene therapy restores hearing"
    assert news["description"] == "Children born deaf heard speech within weeks."
    assert news["image"] == [
        {"@type": "ImageObject", "url": f"{SITE}{r.url}", "width": r.width, "height": r.height}
        for r in [*story.social_picture.all(), *reversed(story.hero_picture.all())]
    ]
    assert [image["width"] for image in news["image"]] == [1200, 1200, 800, 480]
    assert datetime.fromisoformat(news["datePublished"]) == story.published_at
    assert datetime.fromisoformat(news["dateModified"]) == story.updated_at
    assert news["author"] == [
        {"@type": "Person", "name": "Ada Writer", "url": f"{SITE}/author/ada/"}
        | {"honorificSuffix": "PhD"}
    ]
    publisher = news["publisher"]
    assert publisher["name"] == "Good News Daily"
    assert publisher["logo"]["url"].startswith(f"{SITE}/static/img/logo")
    assert publisher["logo"]["width"] == publisher["logo"]["height"] == 512
    assert news["articleSection"] == "Health"
    assert sorted(news["keywords"].split(", ")) == ["gene therapy", "hearing"]
    assert [(work["name"], work["url"]) for work in news["citation"]] == [
        ("The Lancet", "https://www.thelancet.com/"),
        ("Clinic", "https://doi.org/10.1016/S0140-6736(24)00001-1"),
    ]
    assert news["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "The trial had 6 children, not 8.",
            "datePublished": "2026-03-14",
        }
    ]
    assert news["isAccessibleForFree"] is True
    assert news["mainEntityOfPage"]["@id"] == url


def test_a_story_without_byline_is_credited_to_the_publisher(client):
    article = ArticleFactory()
    news = head(client, article.get_absolute_url()).graph("ReportageNewsArticle")
    assert news["author"] == [{"@id": news["publisher"]["@id"]}]


def test_breadcrumbs_lead_home_then_category_then_story(client, story):
    crumbs = head(client, story.get_absolute_url()).graph("BreadcrumbList")["itemListElement"]
    assert [(crumb["position"], crumb["name"], crumb["item"]) for crumb in crumbs] == [
        (1, "Home", f"{SITE}/"),
        (2, "Health", f"{SITE}/category/health/"),
        (3, "Gene therapy restores hearing", f"{SITE}{story.get_absolute_url()}"),
    ]


def test_medically_reviewed_story_is_also_a_medical_web_page(client, story):
    story.reviewed_by = AuthorFactory(name="Maren Ellory", credentials="M.D.")
    story.last_reviewed = date(2026, 3, 20)
    story.save()
    page = head(client, story.get_absolute_url())
    medical = page.graph("MedicalWebPage")
    assert medical["reviewedBy"]["name"] == "Maren Ellory"
    assert medical["reviewedBy"]["honorificSuffix"] == "M.D."
    assert medical["lastReviewed"] == "2026-03-20"
    assert page.graph("ReportageNewsArticle")["mainEntityOfPage"]["@type"] == "MedicalWebPage"


def test_unreviewed_story_has_no_medical_web_page(client, story):
    page = head(client, story.get_absolute_url())
    assert all(node["@type"] != "MedicalWebPage" for node in page.jsonld[0]["@graph"])


def test_script_end_tag_in_a_headline_cannot_break_out_of_json_ld(client):
    title = "Cure found</script><script>alert(1)</script> & more"
    article = ArticleFactory(title=title)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert Head(html).graph("ReportageNewsArticle")["headline"] == title


def test_home_page_describes_the_publisher_and_its_search(client):
    page = head(client, "/")
    assert page.canonical() == f"{SITE}/"
    assert page.one("og:type") == "website"
    assert page.one("og:image").startswith(f"{SITE}/static/img/logo")
    assert page.graph("NewsMediaOrganization")["logo"]["url"].startswith(SITE)
    website = page.graph("WebSite")
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == f"{SITE}/search/?q={{query}}"
    assert action["query-input"] == "required name=query"


def test_the_publication_s_own_logo_follows_the_static_files_address(client, settings):
    assert head(client, "/").one("og:image") == f"{SITE}/static/img/logo.png"
    settings.STATIC_URL = "https://cdn.example.net/assets/"
    page = head(client, "/")
    assert page.one("og:image") == "https://cdn.example.net/assets/img/logo.png"
    logo = page.graph("NewsMediaOrganization")["logo"]["url"]
    assert logo == "https://cdn.example.net/assets/img/logo.png"


def test_list_pages_are_canonical_to_themselves_page_by_page(client):
    category = CategoryFactory(name="Nature", slug="nature", description="Wild things.")
    for _ in range(13):
        ArticleFactory(category=category)
    first = head(client, "/category/nature/?utm_source=x")
    assert first.canonical() == f"{SITE}/category/nature/"
    assert first.one("og:type") == "website"
    assert first.one("description") == first.one("og:description") == "Wild things."
    second = head(client, "/category/nature/?page=2&utm_source=x")
    assert second.canonical() == f"{SITE}/category/nature/?page=2"
    assert second.one("og:url") == f"{SITE}/category/nature/?page=2"


def test_head_renders_without_a_request_as_the_500_page_does():
    html = render_to_string("base.html")
    assert 'rel="canonical"' not in html
    assert '<meta property="og:image"' in html


def test_canonical_ignores_the_host_the_page_was_fetched_on(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example.net"]
    article = ArticleFactory()
    page = Head(client.get(article.get_absolute_url(), HTTP_HOST="mirror.example.net").text)
    assert page.canonical() == f"{SITE}{article.get_absolute_url()}"


@pytest.mark.django_db
def test_the_change_form_previews_what_the_meta_tags_say(client, django_user_model):
    from articles import seo
    from tests.articles.admin_forms import ADD_URL, change_url

    editor = django_user_model.objects.create_superuser("ed", "ed@example.com", "pw")
    client.force_login(editor)
    article = ArticleFactory(
        title="Hedgehogs return",
        seo_title="Hedgehogs are back",
        standfirst="Counts rose.",
        status="published",
        published_at=timezone.now() - timedelta(days=1),
    )
    html = client.get(change_url(article)).content.decode()
    assert "What readers will see" in html
    assert "Hedgehogs are back" in html and "Counts rose." in html
    assert seo.absolute_url(article.get_absolute_url()) in html
    image = seo.share_image(article).url  # the same image as og:image, from the admin's host
    assert f'src="{image.removeprefix(settings.SITE_URL)}"' in html
    assert "/static/js/share-preview.js" in html
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<meta property="og:title" content="Hedgehogs are back">' in page
    assert f'<meta property="og:image" content="{seo.share_image(article).url}">' in page
    assert "What readers will see" in client.get(ADD_URL).content.decode()
