"""
The demo newsletter, from articles/demo/content/editions.toml: one edition marked as sent, one
draft. The sent one records no deliveries (the demo has no subscribers): nobody is ever mailed.
"""

from datetime import datetime

from django.utils import timezone

from articles.demo.loader import CONTENT_DIR, ContentError, read_toml
from articles.models import Article
from newsletter.models import Edition, EditionArticle

FIELDS = {"subject", "preheader", "intro", "stories", "sent"}


def demo_editions_load(*, content_dir=CONTENT_DIR):
    """Creates or updates the demo editions by subject; returns them. Raises ContentError."""
    path = content_dir / "editions.toml"
    entries = read_toml(path).get("editions", [])
    loaded = []
    for number, entry in enumerate(entries, start=1):
        where = f"{path}: edition {number}"
        if unknown := set(entry) - FIELDS:
            raise ContentError(f"{where}: unknown fields {', '.join(sorted(unknown))}.")
        stories = list(Article.objects.published().filter(slug__in=entry.get("stories", [])))
        if missing := set(entry.get("stories", [])) - {story.slug for story in stories}:
            raise ContentError(f"{where}: no published story {', '.join(sorted(missing))}.")
        loaded.append(_save(entry, stories, where))
    return loaded


def _save(entry, stories, where):
    sent = entry.get("sent")
    if sent is not None and not isinstance(sent, datetime):
        raise ContentError(f"{where}: sent must be a date and time.")
    if sent is not None and timezone.is_naive(sent):
        sent = timezone.make_aware(sent)
    defaults = {
        "preheader": entry.get("preheader", ""),
        "intro": entry.get("intro", ""),
        "status": Edition.Status.SENT if sent else Edition.Status.DRAFT,
        "sending_started_at": sent,
        "sent_at": sent,
    }
    edition, _ = Edition.objects.update_or_create(subject=entry["subject"], defaults=defaults)
    order = {slug: position for position, slug in enumerate(entry.get("stories", []))}
    EditionArticle.objects.filter(edition=edition).delete()
    EditionArticle.objects.bulk_create(
        EditionArticle(edition=edition, article=story, position=order[story.slug])
        for story in stories
    )
    return edition
