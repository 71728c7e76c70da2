import re

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from articles import markdown_copies

register = template.Library()


@register.filter
def excerpt(text, length=140):
    """Cut `text` to at most `length` characters on a word boundary, ending with "…"."""
    text = " ".join(str(text).split())
    if len(text) <= length:
        return text
    cut = text[: length + 1].rsplit(" ", 1)[0].rstrip(" ,;:.-–—")
    return f"{cut}…"


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
