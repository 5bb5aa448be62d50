"""Run daily: registrations are personal data, kept only for a while after the webinar."""

from django.core.management.base import BaseCommand, CommandError

from webinars.retention import purge_old_registrations, retention_days


class Command(BaseCommand):
    help = (
        "Supprime les inscriptions des webinaires terminés depuis plus de N jours "
        "(WEBINAR_REGISTRATION_RETENTION_DAYS, 183 par défaut)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--jours",
            type=int,
            dest="days",
            help="Durée de conservation en jours (remplace le réglage).",
        )

    def handle(self, *args, days=None, **options):
        days = retention_days() if days is None else days
        if days < 0:
            raise CommandError("La durée de conservation ne peut pas être négative.")
        count = purge_old_registrations(days)
        self.stdout.write(
            f"Inscriptions supprimées (webinaires terminés depuis plus de {days} jours) : {count}"
        )
