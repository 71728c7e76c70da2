"""The allow-list for article bodies: what editors can format, and nothing that runs."""

import re

import nh3
from django.conf import settings
from django.core.files.storage import default_storage

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "a", "ul", "ol", "li", "blockquote", "hr", "figure", "figcaption", "img", "code", "pre",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
    # An image from the library (data-file is its id); srcset and sizes are added when shown.
    "img": {"src", "alt", "width", "height", "data-file"},
    "figure": {"data-embed-provider", "data-embed-id"},  # its class: ALLOWED_CLASSES
}
ALLOWED_CLASSES = {"figure": {"figure", "embed"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

# What an embed may point at: the provider, and the shape of its id. The page loads nothing
# from the provider until the reader asks (static/js/embeds.js builds the player's address).
EMBED_IDS = {
    "youtube": re.compile(r"[A-Za-z0-9_-]{11}"),
    "vimeo": re.compile(r"[0-9]{1,12}"),
    "bluesky": re.compile(r"[A-Za-z0-9.:_-]{1,253}/[a-z0-9]{1,20}"),  # handle or DID / post key
    # host/@user/id, on one of the servers the Content Security Policy lets the page frame.
    "mastodon": re.compile(
        rf"(?:{'|'.join(map(re.escape, settings.EMBED_MASTODON_SERVERS))})"
        r"/@[A-Za-z0-9_]{1,30}/[0-9]{1,20}"
    ),
}


def _own_media(url):
    """Images in a body come from our own media storage, never from another site."""
    base = default_storage.base_url or "/"
    return url.startswith(base) and not url.startswith("//") and ".." not in url


def _attribute_filter(tag, attribute, value):
    if tag == "img" and attribute == "src":
        return value if _own_media(value) else None
    if tag == "img" and attribute in {"width", "height", "data-file"}:
        return value if value.isdigit() else None
    if tag == "figure" and attribute == "data-embed-provider":
        return value if value in EMBED_IDS else None
    return value


def sanitize_html(html):
    """Return `html` with every tag, attribute and URL scheme outside the allow-list removed."""
    html = nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        attribute_filter=_attribute_filter,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return IMAGE_WITHOUT_SOURCE.sub("", _drop_broken_embeds(html))


EMBED = re.compile(r'<figure class="embed"([^>]*)>')
IMAGE_WITHOUT_SOURCE = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")


def _drop_broken_embeds(html):
    """An embed whose provider or id is not one we know becomes a plain figure with its link."""

    def check(match):
        attributes = dict(re.findall(r'(data-embed-[a-z]+)="([^"]*)"', match[1]))
        pattern = EMBED_IDS.get(attributes.get("data-embed-provider"))
        if pattern and pattern.fullmatch(attributes.get("data-embed-id", "")):
            return match[0]
        return "<figure>"

    return EMBED.sub(check, html)


# C0 control characters other than tab and newlines: XML 1.0 (feeds, sitemaps) forbids them, and
# text pasted from word processors carries some (a soft line break is a vertical tab).
CONTROL_CHARACTERS = {code: " " for code in range(32) if chr(code) not in "\t\n\r"}


def strip_control_characters(text):
    return text.translate(CONTROL_CHARACTERS)


def strip_control_characters_from(instance, fields):
    """Clean the plain-text `fields` of a model instance before it is saved."""
    for field in fields:
        setattr(instance, field, strip_control_characters(getattr(instance, field)))


def strip_control_characters_from_tag(sender, instance, **kwargs):
    """pre_save of taggit's Tag: writers create tags, and their names go into every feed."""
    strip_control_characters_from(instance, ["name"])


def editor_allowlist(config, shared_config):
    """The body editor's Embed extension for django-prose-editor; sanitize_html is what runs."""
