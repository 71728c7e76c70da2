"""
Starts the daily and weekly digests' clock: queues the digest task for the next due time
(NEWSLETTER_DAILY_DIGEST_HOUR), which then queues itself again each day. Does nothing when the
task is queued already, so `make run` runs it at every start and cron may run it as a safety net.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from newsletter import editions


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        due = editions.digests_schedule()
        if due is None:
            self.stderr.write("This task backend cannot run tasks later: use cron (see README).")
            return
        self.stdout.write(f"Digests are next composed at {timezone.localtime(due):%Y-%m-%d %H:%M}.")
