"""Hand stored e-mails back to the task queue: those whose enqueue was lost, or given-up ones."""

from django.core.management.base import BaseCommand

from outbox.models import OutgoingEmail
from outbox.tasks import deliver_email


class Command(BaseCommand):
    help = "Remet en file d'attente les courriels en attente (et, avec --failed, ceux en échec)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--failed", action="store_true", help="Réessayer aussi les courriels abandonnés."
        )

    def handle(self, *args, failed=False, **options):
        statuses = [OutgoingEmail.Status.PENDING]
        if failed:
            statuses.append(OutgoingEmail.Status.FAILED)
        # A message whose address was erased after its last try has no one left to send to.
        emails = OutgoingEmail.objects.filter(status__in=statuses).exclude(to=[])
        count = 0
        for email in emails:
            if email.status == OutgoingEmail.Status.FAILED:
                email.status = OutgoingEmail.Status.PENDING
                email.attempts = 0
                email.save(update_fields=["status", "attempts"])
            deliver_email.enqueue(email.pk)
            count += 1
        self.stdout.write(f"{count} courriel(s) remis en file d'attente.")
