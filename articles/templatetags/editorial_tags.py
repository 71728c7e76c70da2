from django import template

from articles.dashboard import editorial_dashboard

register = template.Library()


@register.inclusion_tag("admin/includes/editorial_dashboard.html", takes_context=True)
def editors_dashboard(context):
    return {"panels": editorial_dashboard(context["request"].user)}
