"""
Composes the daily (or, with --weekly, the weekly) "Good News" digest from the stories published
since the last one, and queues it for sending, or holds it for an editor's approval when
NEWSLETTER_DIGEST_APPROVAL is on. Meant for cron; there is one digest per due time
(NEWSLETTER_DAILY_DIGEST_HOUR, NEWSLETTER_WEEKLY_DIGEST_WEEKDAY): running it again does nothing.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from newsletter import editions


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--weekly", action="store_true", help="The weekly digest.")
        parser.add_argument("--dry-run", action="store_true", help="Say what would be composed.")

    def handle(self, *args, weekly, dry_run, **options):
        with transaction.atomic():
            edition = editions.digest_compose(weekly=weekly)
            if dry_run:
                transaction.set_rollback(True)
        if edition is None:
            self.stdout.write("Nothing to compose: no new stories, or this period's digest exists.")
            return
        stories = edition.links.count() if not dry_run else "some"
        verb = "Would compose" if dry_run else "Composed"
        self.stdout.write(
            f"{verb} “{edition.subject}” with {stories} stories: {edition.get_status_display()}."
        )
