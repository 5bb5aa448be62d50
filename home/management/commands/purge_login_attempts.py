"""Delete failed admin logins once their cool-off period is over, as the privacy policy says.

Axes also deletes them at the next login attempt; this nightly run covers quiet periods.
"""

from axes.models import AccessAttempt
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone


class Command(BaseCommand):
    help = "Efface les tentatives de connexion échouées dont la période de blocage est passée."

    def handle(self, *args, **options):
        cutoff = timezone.now() - settings.AXES_COOLOFF_TIME
        _, per_model = AccessAttempt.objects.filter(attempt_time__lt=cutoff).delete()
        deleted = per_model.get(AccessAttempt._meta.label, 0)
        self.stdout.write(f"{deleted} tentative(s) de connexion échouée(s) effacée(s).")
