from django import template

from newsletter.dashboard import newsletter_dashboard

register = template.Library()


@register.inclusion_tag("admin/includes/newsletter_dashboard.html", takes_context=True)
def newsletter_dashboard_box(context):
    return {"newsletter": newsletter_dashboard(context["request"].user)}
