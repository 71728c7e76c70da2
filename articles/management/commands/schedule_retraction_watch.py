"""
Starts the retraction watch's clock: queues the task that asks Crossref about every cited study
for the next early morning, which then queues itself again each day. Does nothing when the task
is queued already, so `make run` runs it at every start and cron may run it as a safety net.
`--now` checks at once instead (what cron runs where the task backend cannot wait).
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from articles import retractions


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Check every cited DOI now.")

    def handle(self, *args, now=False, **options):
        if now:
            found = retractions.studies_check_notices()
            self.stdout.write(f"{len(found)} new notice(s) for the editors to check.")
            return
        due = retractions.retraction_watch_schedule()
        if due is None:
            self.stderr.write("This task backend cannot run tasks later: use cron with --now.")
            return
        self.stdout.write(
            f"The retraction watch next runs at {timezone.localtime(due):%Y-%m-%d %H:%M}."
        )
