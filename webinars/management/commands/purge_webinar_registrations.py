"""Run daily: registrations are personal data, kept only for a while after the webinar, and
requests nobody confirmed go once their link has lapsed."""

from django.core.management.base import BaseCommand, CommandError

from webinars.models import CONFIRMATION_HOURS
from webinars.retention import (
    purge_old_registrations,
    purge_unconfirmed_requests,
    retention_days,
)


class Command(BaseCommand):
    help = (
        "Supprime les inscriptions des webinaires terminés depuis plus de N jours "
        "(WEBINAR_REGISTRATION_RETENTION_DAYS, 183 par défaut) et les demandes "
        f"d'inscription non confirmées dans les {CONFIRMATION_HOURS} heures."
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
        lapsed = purge_unconfirmed_requests()
        self.stdout.write(
            f"Demandes non confirmées dans les {CONFIRMATION_HOURS} heures supprimées : {lapsed}"
        )
        count = purge_old_registrations(days)
        self.stdout.write(
            f"Inscriptions supprimées (webinaires terminés depuis plus de {days} jours) : {count}"
        )
