"""
The newsletter's emails, built from templates: an HTML part with inline CSS and a plain-text part.

Nothing a visitor typed goes into an email except the address it is sent to.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from articles.site import site_settings
from newsletter.tokens import confirm_token, manage_token

# Stand-ins rendered into an edition once, replaced per subscriber: rendering the templates
# again for every one of 100,000 messages would cost more than sending them.
UNSUBSCRIBE_MARK = "__newsletter_unsubscribe_url__"
PREFERENCES_MARK = "__newsletter_preferences_url__"


def absolute(url):
    """Mail programs need absolute URLs; media on object storage or a CDN has them already."""
    return url if urlsplit(url).netloc else f"{settings.SITE_URL}{url}"


def unsubscribe_url(subscriber, token=None):
    token = token or manage_token(subscriber)
    return absolute(reverse("newsletter:unsubscribe", kwargs={"token": token}))


def preferences_url(subscriber, token=None):
    token = token or manage_token(subscriber)
    return absolute(reverse("newsletter:preferences", kwargs={"token": token}))


def _message(*, subject, template, context, to, headers=None, connection=None):
    site = site_settings()
    context = {"SITE_NAME": site.name, "SITE_URL": settings.SITE_URL, **context}
    message = EmailMultiAlternatives(
        subject,
        render_to_string(f"newsletter/email/{template}.txt", context),
        site.sender,
        [to],
        headers=headers,
        connection=connection,
    )
    message.attach_alternative(
        render_to_string(f"newsletter/email/{template}.html", context), "text/html"
    )
    return message


def confirmation_message(subscriber):
    url = absolute(reverse("newsletter:confirm", kwargs={"token": confirm_token(subscriber)}))
    return _message(
        subject=f"Please confirm your subscription to {site_settings().name}",
        template="confirm",
        context={"confirm_url": url, "email": subscriber.email},
        to=subscriber.email,
    )


def manage_link_message(subscriber):
    return _message(
        subject=f"Your {site_settings().name} newsletter settings",
        template="manage_link",
        context={"preferences_url": preferences_url(subscriber), "email": subscriber.email},
        to=subscriber.email,
    )


def unsubscribe_headers(url):
    """RFC 2369 and RFC 8058: mail programs show an unsubscribe button that POSTs to `url`."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def story_context(story):
    return {
        "title": story.title,
        "standfirst": story.standfirst,
        "url": absolute(story.get_absolute_url()),
        "category": story.category.label,
        "colour": story.category.colour,
        "image": absolute(story.hero_image.url) if story.hero_image else "",
        "image_alt": story.hero_image_alt,
    }


class EditionRenderer:
    """Renders an edition once per set of stories and personalises each copy by replacement."""

    def __init__(self, edition, stories):
        self.edition = edition
        self.stories = stories
        self._rendered = {}
        self.site = site_settings()

    def _render(self, stories):
        key = tuple(story.pk for story in stories)
        if key not in self._rendered:
            context = {
                "SITE_NAME": self.site.name,
                "SITE_URL": settings.SITE_URL,
                "edition": self.edition,
                "stories": [story_context(story) for story in stories],
                "unsubscribe_url": UNSUBSCRIBE_MARK,
                "preferences_url": PREFERENCES_MARK,
            }
            self._rendered[key] = (
                render_to_string("newsletter/email/edition.txt", context),
                render_to_string("newsletter/email/edition.html", context),
            )
        return self._rendered[key]

    def stories_for(self, category_ids):
        """A digest brings each subscriber only the categories chosen (none chosen: all)."""
        if not self.edition.is_digest or not category_ids:
            return self.stories
        return [story for story in self.stories if story.category_id in category_ids]

    def message(self, *, subscriber, stories, connection=None, subject_prefix=""):
        text, html = self._render(stories)
        token = manage_token(subscriber)
        unsubscribe = unsubscribe_url(subscriber, token)
        preferences = preferences_url(subscriber, token)
        message = EmailMultiAlternatives(
            f"{subject_prefix}{self.edition.subject}",
            text.replace(UNSUBSCRIBE_MARK, unsubscribe).replace(PREFERENCES_MARK, preferences),
            self.site.sender,
            [subscriber.email],
            headers=unsubscribe_headers(unsubscribe),
            connection=connection,
        )
        html = html.replace(UNSUBSCRIBE_MARK, unsubscribe).replace(PREFERENCES_MARK, preferences)
        message.attach_alternative(html, "text/html")
        return message
