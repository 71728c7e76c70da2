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
from newsletter.mime import Composer, EditionEmail, EncodedPart
from newsletter.tokens import confirm_token, manage_token

# Stand-ins rendered into an edition once, replaced per subscriber: rendering the templates
# again for every one of 100,000 messages would cost more than sending them.
UNSUBSCRIBE_MARK = "__newsletter_unsubscribe_url__"
PREFERENCES_MARK = "__newsletter_preferences_url__"
TOKEN_MARK = "__newsletter_token__"


def absolute(url):
    """Mail programs need absolute URLs; media on object storage or a CDN has them already."""
    return url if urlsplit(url).netloc else f"{settings.SITE_URL}{url}"


def email_image_url(story):
    """A rendition about as wide as an email (600 px, sharp at 2x), else the upload itself."""
    rendition = story.hero_rendition(1200)
    return rendition.url if rendition else story.hero.file.url


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
        "image": absolute(email_image_url(story)) if story.hero_id else "",
        "image_alt": story.hero.alt if story.hero_id else "",
    }


class EditionRenderer:
    """Renders an edition once per set of stories and personalises each copy by replacement."""

    def __init__(self, edition, stories):
        self.edition = edition
        self.stories = stories
        self._rendered = {}
        self._composers = {}
        self._encoded_parts = {}
        self.site = site_settings()
        # Reversed once: a subscriber's links differ only in the token, which needs no quoting.
        self._unsubscribe = unsubscribe_url(None, TOKEN_MARK)
        self._preferences = preferences_url(None, TOKEN_MARK)

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

    def _composer(self, subject):
        if subject not in self._composers:
            self._composers[subject] = Composer(subject=subject, from_email=self.site.sender)
        return self._composers[subject]

    def _copy(self, subscriber, stories, token=None):
        """The subscriber's text and HTML parts and headers: the edition with their own links."""
        text, html = self._render(stories)
        token = token or manage_token(subscriber)
        unsubscribe = self._unsubscribe.replace(TOKEN_MARK, token)
        preferences = self._preferences.replace(TOKEN_MARK, token)
        text = text.replace(UNSUBSCRIBE_MARK, unsubscribe).replace(PREFERENCES_MARK, preferences)
        html = html.replace(UNSUBSCRIBE_MARK, unsubscribe).replace(PREFERENCES_MARK, preferences)
        return text, html, unsubscribe_headers(unsubscribe)

    def message(self, *, subscriber, stories, connection=None, subject_prefix=""):
        text, html, headers = self._copy(subscriber, stories)
        subject = f"{subject_prefix}{self.edition.subject}"
        message = EditionEmail(
            subject,
            text,
            self.site.sender,
            [subscriber.email],
            headers=headers,
            connection=connection,
            composer=self._composer(subject),
        )
        message.attach_alternative(html, "text/html")
        return message

    def message_bytes(self, *, subscriber, stories):
        """
        The copy as SMTP sends it (what `message().message(policy=SMTP).as_bytes()` gives),
        without an EmailMessage in between; None when only the email package can write it.
        """
        composer = self._composer(self.edition.subject)
        token = manage_token(subscriber)
        text, html = (part.fill(token) for part in self._encoded(stories, len(token)))
        if text is None or html is None:
            text, html, headers = self._copy(subscriber, stories, token)
            return composer.copy(to=subscriber.email, text=text, html=html, headers=headers)
        headers = unsubscribe_headers(self._unsubscribe.replace(TOKEN_MARK, token))
        return composer.copy_encoded(to=subscriber.email, text=text, html=html, headers=headers)

    def _encoded(self, stories, length):
        """The edition's two parts encoded once, a mark `length` long for each copy's token."""
        key = (tuple(story.pk for story in stories), length)
        if key not in self._encoded_parts:
            mark = TOKEN_MARK.ljust(length, "_")
            links = {
                UNSUBSCRIBE_MARK: self._unsubscribe.replace(TOKEN_MARK, mark),
                PREFERENCES_MARK: self._preferences.replace(TOKEN_MARK, mark),
            }
            parts = []
            for part in self._render(stories):
                for stand_in, link in links.items():
                    part = part.replace(stand_in, link)
                parts.append(EncodedPart(part, mark))
            self._encoded_parts[key] = parts
        return self._encoded_parts[key]
