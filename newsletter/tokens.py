"""
Signed tokens for personal links and for the signup form's timing check.

Links carry the subscriber's random key, never the address or the database id. A confirmation
link expires after a few days; an unsubscribe link works for as long as the subscriber exists,
so that old emails can always be acted on.
"""

import time
import uuid
from datetime import timedelta

from django.core import signing

from newsletter.conf import setting
from newsletter.models import Subscriber

CONFIRM_SALT = "newsletter.confirm"
MANAGE_SALT = "newsletter.manage"
FORM_SALT = "newsletter.form"
MAX_FORM_AGE = timedelta(days=1)


class TokenError(Exception):
    def __init__(self, *, expired):
        self.expired = expired


def _sign(salt, subscriber):
    return signing.TimestampSigner(salt=salt).sign(subscriber.key.hex)


def _subscriber(salt, token, max_age):
    try:
        key = signing.TimestampSigner(salt=salt).unsign(token, max_age=max_age)
        subscriber = Subscriber.objects.get(key=uuid.UUID(hex=key))
    except signing.SignatureExpired:
        raise TokenError(expired=True) from None
    except (signing.BadSignature, ValueError, Subscriber.DoesNotExist):
        raise TokenError(expired=False) from None
    return subscriber


def confirm_token(subscriber):
    return _sign(CONFIRM_SALT, subscriber)


def manage_token(subscriber):
    return _sign(MANAGE_SALT, subscriber)


def subscriber_from_confirm_token(token):
    return _subscriber(CONFIRM_SALT, token, setting("NEWSLETTER_CONFIRM_MAX_AGE"))


def subscriber_from_manage_token(token, *, for_unsubscribe=False):
    max_age = None if for_unsubscribe else setting("NEWSLETTER_PREFERENCES_MAX_AGE")
    return _subscriber(MANAGE_SALT, token, max_age)


def form_token():
    """A fresh token for the signup form: proves when the form was first used."""
    return signing.dumps(time.time(), salt=FORM_SALT)


def form_token_age(token):
    """Seconds since the token was issued, or None when it is missing, forged or too old."""
    if not token:
        return None
    try:
        age = time.time() - float(signing.loads(token, salt=FORM_SALT, max_age=MAX_FORM_AGE))
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return age if 0 <= age < MAX_FORM_AGE.total_seconds() else None
