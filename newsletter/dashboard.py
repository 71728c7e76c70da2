"""The newsletter's box on the admin dashboard: who is subscribed, how the last edition went."""

from newsletter.editions import edition_progress
from newsletter.models import Edition, Subscriber


def newsletter_dashboard(user):
    if not user.has_perm("newsletter.view_edition"):
        return None
    last = (
        Edition.objects.filter(sending_started_at__isnull=False)
        .order_by("-sending_started_at", "-pk")
        .only("subject", "status", "sending_started_at", "sent_at")
        .first()
    )
    return {
        "subscribers": Subscriber.objects.active().count(),
        "last_edition": last,
        "progress": edition_progress(edition=last) if last else None,
        "next_edition": Edition.objects.filter(status=Edition.Status.SCHEDULED)
        .order_by("scheduled_at")
        .only("subject", "scheduled_at")
        .first(),
    }
