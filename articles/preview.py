"""Signed, expiring preview links: a reviewer without an account can read one unpublished story."""

from datetime import timedelta

from django.core import signing
from django.urls import reverse

PREVIEW_LINK_LIFETIME = timedelta(days=7)
_SALT = "articles.preview"


def preview_token(article):
    return signing.dumps(article.pk, salt=_SALT, compress=True)


def preview_token_article_pk(token):
    """The story a token opens, or None when it is forged or older than the link lifetime."""
    try:
        return signing.loads(token, salt=_SALT, max_age=PREVIEW_LINK_LIFETIME)
    except signing.BadSignature:  # SignatureExpired is a BadSignature too
        return None


def shared_preview_url(article):
    return reverse("articles:shared_preview", kwargs={"token": preview_token(article)})


def staff_preview_url(article):
    return reverse("articles:preview", kwargs={"pk": article.pk})
