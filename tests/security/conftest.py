"""
Shared by the attack tests: hostile content in every stored field, a user in every role, and a
check that reads HTML the way a browser would and reports what in it could run.
"""

import io
import json
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import Client
from PIL import Image
from taggit.models import Tag

from articles.models import Correction, Series, SlugRedirect
from tests.articles.roles import make_users
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    SourceFactory,
    byline,
    cite,
)
from tests.newsletter.factories import EditionFactory, SubscriberFactory

# Every trick in one string: tags that run, attributes that run, URLs that run, and a way out of
# an attribute, a JSON-LD script and a textarea.
XSS = (
    "<script>alert(1)</script><img src=x onerror=alert(2)><svg onload=alert(3)>"
    '"\'><a href="javascript:alert(4)">x</a><iframe srcdoc="<script>alert(5)</script>">'
    "</textarea></title></script><script>alert(6)</script>"
)
# Short fields get the part that matters most.
XSS_SHORT = "</script><svg onload=alert(7)>\"'"

IMMEDIATE = {
    "default": {
        "BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "email"],
    }
}


def tiny_jpeg(size=(8, 8)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, "JPEG")
    return buffer.getvalue()


class _Runnable(HTMLParser):
    """Collects whatever a browser would run: attacker scripts, handlers, javascript: URLs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self._script = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and "alert" in value:
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in {"href", "src", "action", "formaction", "xlink:href"} and (
                value.strip().lower().startswith("javascript:")
            ):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name == "srcdoc":
                self.found.append(f"<{tag} srcdoc>")
        if tag == "script":
            self._script = (dict(attrs).get("type") or "", [])

    def handle_data(self, data):
        if self._script is not None:
            self._script[1].append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            kind, parts = self._script
            text = "".join(parts)
            self._script = None
            if kind == "application/ld+json":
                try:
                    json.loads(text)
                except ValueError:
                    self.found.append(f"JSON-LD broken out of: {text[:80]!r}")
            elif "alert(" in text:
                self.found.append(f"<script>{text[:80]}</script>")


def runnable(html):
    """What in `html` would run in a reader's browser (empty when it is safe)."""
    parser = _Runnable()
    parser.feed(html)
    parser.close()
    return parser.found


def ldjson(html):
    """The JSON-LD blocks of a page, parsed."""
    blocks = []

    class Collect(HTMLParser):
        inside = False

        def handle_starttag(self, tag, attrs):
            self.inside = tag == "script" and dict(attrs).get("type") == "application/ld+json"

        def handle_data(self, data):
            if self.inside:
                blocks.append(json.loads(data))

        def handle_endtag(self, tag):
            self.inside = False

    Collect().feed(html)
    return blocks


@pytest.fixture(autouse=True)
def _security_settings(settings):
    settings.TASKS = IMMEDIATE
    settings.SITE_URL = "https://news.example.org"
    settings.ALLOWED_HOSTS = ["testserver", "news.example.org"]
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def users(db):
    return make_users()


@pytest.fixture
def client_for(users):
    """client_for(role): a client logged in as that role (anonymous: not logged in)."""

    def make(role, **kwargs):
        client = Client(**kwargs)
        user = users[role]
        if not isinstance(user, AnonymousUser):
            client.force_login(user)
        return client

    return make


@pytest.fixture
def hostile(users):
    """A published story with an attack in every field a person can fill, and its relations."""
    category = CategoryFactory(name=f"Cat {XSS_SHORT}"[:60], slug="hostile", description=XSS)
    author = AuthorFactory(name=f"Ann {XSS_SHORT}", slug="ann", credentials=XSS_SHORT, bio=XSS)
    reviewer = AuthorFactory(name=f"Rev {XSS_SHORT}", slug="rev", credentials=XSS_SHORT)
    source = SourceFactory(name=f"Src {XSS}"[:200], slug="src", url="https://src.example.org/")
    series = Series.objects.create(name=f"Series {XSS}"[:150], slug="series", description=XSS)
    tag = Tag.objects.create(name=f"tag {XSS_SHORT}", slug="hostile-tag")
    story = ArticleFactory(
        title=f"Title {XSS}"[:200],
        slug="hostile-story",
        standfirst=f"Stand {XSS}"[:400],
        body=f"<p>Body</p>{XSS}",
        category=category,
        hero_image_alt=f"Alt {XSS}"[:250],
        hero_image_caption=f"Caption {XSS}"[:300],
        hero_image_credit=f"Credit {XSS}"[:200],
        seo_title=f"SEO {XSS_SHORT}"[:70],
        seo_description=f"SEO {XSS}"[:300],
        series=series,
        reviewed_by=reviewer,
        tags=[tag],
    )
    story.hero_image.save("hostile.jpg", ContentFile(tiny_jpeg()))
    byline(story, author)
    cite(story, source, note=XSS_SHORT)
    Correction.objects.create(article=story, text=f"Fix {XSS}")
    SlugRedirect.objects.create(old_slug="old-hostile-story", article=story)
    edition = EditionFactory(
        subject=f"Edition {XSS_SHORT}", preheader=f"Pre {XSS}"[:150], intro=XSS, stories=[story]
    )
    subscriber = SubscriberFactory(email="reader@example.com", categories=[category])
    # Someone else's draft: a writer must never see its headline.
    secret = ArticleFactory(
        title="Secret draft headline", slug="secret-draft", status="draft", published_at=None
    )
    secret.created_by = users["other_writer"]
    secret.save()
    byline(secret, users["other_writer"].author)
    return {
        "story": story,
        "category": category,
        "author": author,
        "source": source,
        "series": series,
        "tag": tag,
        "edition": edition,
        "subscriber": subscriber,
        "secret": secret,
    }
