from django import template

from newsletter.forms import CONSENT_HEADING, CONSENT_TEXT

register = template.Library()


@register.simple_tag
def newsletter_heading():
    """The box's heading, the same words stored with each subscriber's consent."""
    return CONSENT_HEADING


@register.simple_tag
def newsletter_promise():
    return CONSENT_TEXT
