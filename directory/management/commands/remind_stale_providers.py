"""E-mail providers whose profile has not been reviewed for a while (12 months by default).

A provider is reminded once per stale period: no new reminder until it reviews its
profile again, so the command can run every day from cron.
"""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.models import ProviderPage, ReviewReminder
from outbox.mail import queue_templated_email


class Command(BaseCommand):
    help = "Rappelle aux prestataires de relire une fiche restée longtemps sans mise à jour."

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=settings.DIRECTORY_REVIEW_REMINDER_MONTHS,
            help="Âge d'une fiche, en mois, à partir duquel on envoie un rappel (12 par défaut).",
        )

    def handle(self, *args, months, **options):
        stale_before = timezone.localdate() - relativedelta(months=months)
        reminded_since_review = ReviewReminder.objects.filter(
            provider=OuterRef("pk"), sent_at__date__gte=OuterRef("last_reviewed")
        )
        stale = (
            ProviderPage.objects.live()
            .filter(last_reviewed__lt=stale_before)
            .exclude(Exists(reminded_since_review))
            .order_by("title")
        )
        count = 0
        for provider in stale:
            queue_templated_email(
                [provider.contact_email],
                _("Votre fiche dans l'annuaire Emancip'Asso est-elle à jour ?"),
                "directory_review_reminder",
                {
                    "provider": provider,
                    "edit_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                    + reverse("wagtailadmin_pages:edit", args=[provider.pk]),
                },
            )
            ReviewReminder.objects.create(provider=provider)
            count += 1
        self.stdout.write(
            f"{count} rappel(s) envoyé(s) (fiches relues avant le {stale_before:%d/%m/%Y})."
        )
