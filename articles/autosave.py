"""
Nothing lost while writing: each person's autosaved copy of the story form, who else has the
story open, and the refusal to save over a newer save.
"""

import json
from datetime import datetime

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from articles.models import Article, ArticleAutosave
from articles.services import can_edit

MAX_AUTOSAVE_BYTES = 1_000_000
PRESENCE_SECONDS = 45  # a ping every 15 seconds: gone after three missed ones


def _require_editable(user, article):
    story = article if article is not None else Article()
    if not (user.is_active and user.is_staff and can_edit(user, story)):
        raise PermissionDenied("You cannot edit this story.")


def autosave_store(*, user, article=None, token="", data):
    """Keeps `data` (the form's fields: {name: [values]}) as `user`'s copy; returns it."""
    _require_editable(user, article)
    if not isinstance(data, dict) or len(json.dumps(data)) > MAX_AUTOSAVE_BYTES:
        raise ValidationError("The autosaved copy is not a form's fields, or is too large.")
    if article is None and not token:
        raise ValidationError("A new story's copy needs the page's token.")
    key = {"article": article} if article is not None else {"article": None, "token": token}
    copy, _ = ArticleAutosave.objects.update_or_create(user=user, **key, defaults={"data": data})
    return copy


def autosave_latest(*, user, article=None):
    """`user`'s own copy newer than the story's last save, or None; for the add form, the last."""
    _require_editable(user, article)
    copies = ArticleAutosave.objects.filter(user=user, article=article)
    if article is not None:
        copies = copies.filter(saved_at__gt=article.modified_at)
    return copies.order_by("-saved_at").first()


def autosave_discard(*, user, article=None, token=""):
    copies = ArticleAutosave.objects.filter(user=user, article=article)
    if article is None:
        copies = copies.filter(token=token)
    copies.delete()


def presence_ping(*, user, article):
    """Notes that `user` has `article` open; returns the names of the others who do."""
    _require_editable(user, article)
    key = f"article-presence:{article.pk}"
    now = timezone.now().timestamp()
    present = {
        pk: (name, seen)
        for pk, (name, seen) in cache.get(key, {}).items()
        if now - seen < PRESENCE_SECONDS and pk != user.pk
    }
    others = sorted(name for name, _ in present.values())
    present[user.pk] = (user.get_full_name() or user.get_username(), now)
    cache.set(key, present, PRESENCE_SECONDS)
    return others


def article_refuse_stale_save(*, article, loaded_version):
    """
    Raises ValidationError when `article` was saved by anyone since the form was loaded
    (`loaded_version`, its `modified_at` then, in ISO format): never a silent overwrite.
    """
    if article.pk is None or not loaded_version:
        return
    try:
        loaded = datetime.fromisoformat(loaded_version)
    except ValueError:
        raise ValidationError("The form's version is unreadable: reload the page.") from None
    current = Article.objects.filter(pk=article.pk).values_list("modified_at", flat=True).first()
    if current is not None and current != loaded:
        when = timezone.localtime(current).strftime("%H:%M")
        raise ValidationError(
            f"Someone saved this story at {when}, after you opened it, so your changes were "
            "not saved over theirs. Your text is still in the form below: compare the versions "
            "in History, then reload the page and make your changes again.",
            code="stale",
        )
