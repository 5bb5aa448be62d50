"""Run it every 10 minutes: hands back to the task queue what a failure left behind."""

from django.core.management.base import BaseCommand

from outbox.recovery import recover_interrupted, requeue_failed, requeue_lost


class Command(BaseCommand):
    help = (
        "Remet en file d'attente les courriels dont la tâche s'est perdue et ceux qu'un worker "
        "arrêté a laissés « en cours d'envoi » (et, avec --failed, ceux abandonnés)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--failed", action="store_true", help="Réessayer aussi les courriels abandonnés."
        )

    def handle(self, *args, failed=False, **options):
        resent, given_up = recover_interrupted()
        count = requeue_lost() + resent + (requeue_failed() if failed else 0)
        self.stdout.write(f"{count} courriel(s) remis en file d'attente.")
        if resent or given_up:
            self.stdout.write(
                f"Envois interrompus : {resent} renvoyé(s) une fois, {given_up} abandonné(s)."
            )
