from django import template
from django.conf import settings

from articles.dashboard import editorial_dashboard
from articles.readability import article_readability

register = template.Library()


@register.inclusion_tag("admin/includes/editorial_dashboard.html", takes_context=True)
def editors_dashboard(context):
    return {"panels": editorial_dashboard(context["request"].user)}


@register.inclusion_tag("admin/includes/plain_language.html")
def plain_language(article):
    """Word counts and reading ease of a saved story's standfirst and body, for its editors."""
    if article is None or article.pk is None:
        return {}
    return {"readability": article_readability(article), "target": settings.READABILITY_TARGET}
