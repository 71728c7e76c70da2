"""The allow-list for article bodies: what editors can format, and nothing that runs."""

import nh3

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "a", "ul", "ol", "li", "blockquote", "hr", "figure", "figcaption", "code", "pre",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(html):
    """Return `html` with every tag, attribute and URL scheme outside the allow-list removed."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


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
