from django import template

from articles import body

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
def body_html(html):
    """A story body with its library images responsive and credited (see articles.body)."""
    return body.body_html(html)
