import datetime
import functools
import re
from pathlib import Path
from urllib.parse import quote

from django import template
from django.contrib.staticfiles import finders
from django.template.defaultfilters import date
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from articles import body, markdown_copies
from articles.models import fixed_url

register = template.Library()


@register.filter
def excerpt(text, length=140):
    """Cut `text` to at most `length` characters on a word boundary, ending with "…"."""
    text = " ".join(str(text).split())
    if len(text) <= length:
        return text
    cut = text[: length + 1].rsplit(" ", 1)[0].rstrip(" ,;:.-–—")
    return f"{cut}…"


@register.filter
def iso_datetime(value):
    """
    `value` for a <time datetime="">, in the site's time zone: what |date:'Y-m-d\\TH:i:sO'
    writes, at a sixth of the cost (a card shows two dates; the date filter was a third of it).
    """
    if not isinstance(value, datetime.datetime) or timezone.is_naive(value):
        return date(value, "Y-m-d\\TH:i:sO")
    return timezone.localtime(value).strftime("%Y-%m-%dT%H:%M:%S%z")


@register.filter(expects_localtime=True)
def short_date(value):
    """`value` as |date:"j M Y" writes it ("4 Mar 2026") at a fifth of the cost, for cards."""
    if not isinstance(value, datetime.date):
        return date(value, "j M Y")
    return f"{value.day} {MONTHS_3[value.month].title()} {value.year:04d}"


@register.filter
def body_html(html):
    """A story body with its library images responsive and credited (see articles.body)."""
    return body.body_html(html)


HYPHENATED = re.compile(r"\w+(?:-\w+)+")
LONE_LETTER = re.compile(r"(-\w) ")  # the "T" of "CAR-T cells"


@register.filter
def headline(text):
    """
    `text` escaped, never broken at a hyphen ("CAR-" / "T cells"): hyphenated words are kept
    whole, and one ending in a single letter is tied to the next word.
    """
    html = LONE_LETTER.sub("\\1\u00a0", conditional_escape(text))
    return mark_safe(HYPHENATED.sub(r'<span class="nobr">\g<0></span>', html))


@register.filter
def markdown_text(value):
    """Plain text as Markdown text (for /llms.txt): markup in it stays text, never raw HTML."""
    return markdown_copies.text(str(value))


# {% fixed_url "articles:archive" %}: {% url %} remembered, for the reading pages. Their header,
# footer and cards name the same dozen addresses on every page.
register.simple_tag(fixed_url, name="fixed_url")


@register.simple_tag
@functools.cache
def favicon_data_uri():
    """The SVG icon as a data: URI, so that no page load spends a request on it."""
    return "data:image/svg+xml," + quote(Path(finders.find("favicon.svg")).read_text().strip())
