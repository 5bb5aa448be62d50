"""Run every few minutes (cron, systemd timer): each reminder goes once, however often it runs."""

from django.core.management.base import BaseCommand

from webinars.reminders import send_due_reminders


class Command(BaseCommand):
    help = (
        "Envoie les rappels des webinaires (la veille et une heure avant) ; "
        "peut être lancée aussi souvent que voulu sans rien envoyer deux fois."
    )

    def handle(self, *args, **options):
        count = send_due_reminders()
        self.stdout.write(f"Rappels mis en file d'envoi : {count}")
