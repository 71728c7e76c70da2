"""
Queues an edition for sending (or resumes one whose sending was interrupted): the task worker
does the rest. Sending is idempotent: nobody is ever sent the same edition twice. With
--resume, re-queues every edition a crash left half sent and every scheduled one that is due:
run it from cron every few minutes as a safety net.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from newsletter import editions
from newsletter.models import Edition, Subscriber


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("edition_id", type=int, nargs="?")
        parser.add_argument(
            "--resume", action="store_true", help="Re-queue stalled and due editions."
        )
        parser.add_argument("--dry-run", action="store_true", help="Count recipients only.")

    def handle(self, *args, edition_id, resume, dry_run, **options):
        if resume:
            with transaction.atomic():
                resumed = editions.editions_resume()
            self.stdout.write(f"Re-queued {len(resumed)} edition(s).")
            return
        if edition_id is None:
            raise CommandError("Name an edition ID, or use --resume.")
        edition = Edition.objects.filter(pk=edition_id).first()
        if edition is None:
            raise CommandError(f"There is no edition {edition_id}.")
        if edition.status == Edition.Status.SENT:
            self.stdout.write(f"“{edition}” was sent already.")
            return
        recipients = Subscriber.objects.recipients_of(edition).count()
        if dry_run:
            self.stdout.write(f"Would queue “{edition}” for about {recipients} subscribers.")
            return
        try:
            with transaction.atomic():
                editions.edition_send(edition=edition)
        except editions.EditionError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Queued “{edition}” for about {recipients} subscribers.")
