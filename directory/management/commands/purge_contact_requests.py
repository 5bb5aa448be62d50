"""Delete contact requests older than the retention period (12 months unless told otherwise)."""

import datetime

from dateutil.relativedelta import relativedelta
from django.core.management.base import BaseCommand
from django.utils import timezone

from directory.contact import retention_months
from directory.models import ContactRequest


class Command(BaseCommand):
    help = "Supprime les demandes de contact plus anciennes que la durée de conservation."

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=retention_months(),
            help="Durée de conservation en mois (12 par défaut).",
        )

    def handle(self, *args, months, **options):
        first_day_kept = timezone.localdate() - relativedelta(months=months)
        cutoff = timezone.make_aware(datetime.datetime.combine(first_day_kept, datetime.time.min))
        _, per_model = ContactRequest.objects.filter(created_at__lt=cutoff).delete()
        deleted = per_model.get(ContactRequest._meta.label, 0)
        self.stdout.write(
            f"{deleted} demande(s) de contact reçue(s) avant le {cutoff:%d/%m/%Y} supprimée(s)."
        )
