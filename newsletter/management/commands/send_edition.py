"""
Queues an edition for sending (or resumes one whose sending was interrupted): the task worker
does the rest. Sending is idempotent: nobody is ever sent the same edition twice.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from newsletter import services
from newsletter.models import Edition


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("edition_id", type=int)
        parser.add_argument("--dry-run", action="store_true", help="Count recipients only.")

    def handle(self, *args, edition_id, dry_run, **options):
        edition = Edition.objects.filter(pk=edition_id).first()
        if edition is None:
            raise CommandError(f"There is no edition {edition_id}.")
        if edition.status == Edition.Status.SENT:
            self.stdout.write(f"“{edition}” was sent already.")
            return
        recipients = services.edition_recipients(edition=edition).count()
        if dry_run:
            self.stdout.write(f"Would queue “{edition}” for about {recipients} subscribers.")
            return
        with transaction.atomic():
            services.edition_send(edition=edition)
        self.stdout.write(f"Queued “{edition}” for about {recipients} subscribers.")
