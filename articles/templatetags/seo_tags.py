import json
from urllib.parse import urlencode

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

from articles import seo

register = template.Library()

# Inside <script>, "</script>" or "<!--" in a headline would end the element early.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def jsonld(data):
    """`data` as a JSON-LD <script> element, safe whatever the strings contain."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        JSON_SCRIPT_ESCAPES
    )
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


@register.filter
def article_jsonld(article, chrome=None):
    return seo.article_jsonld(article, chrome)


@register.simple_tag
def home_jsonld(chrome=None):
    return seo.home_jsonld(chrome)


@register.simple_tag
def share_image(article=None, site=None):
    """The image link previews show: the story's largest image, else the publication's logo."""
    return seo.share_image(article, site)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's one public address: SITE_URL, the path, and only the query that selects it."""
    request = context.get("request")
    if request is None:  # The 500 page is rendered without one.
        return ""
    params = {}
    if query := context.get("query"):
        params["q"] = query
    page_obj = context.get("page_obj")
    if page_obj is not None and page_obj.number > 1:
        params["page"] = page_obj.number
    url = seo.absolute_url(request.path)
    return f"{url}?{urlencode(params)}" if params else url
