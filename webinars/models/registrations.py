"""Who registered for which webinar, and which reminders they already received.

Registering is a double opt-in: the form only records a request and e-mails a link; the
address owner opens it and confirms, and only then does the registration take a seat (or a
place on the waiting list). An unconfirmed request lapses after CONFIRMATION_WINDOW.
"""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

CONFIRMATION_HOURS = 48
CONFIRMATION_WINDOW = timedelta(hours=CONFIRMATION_HOURS)
# The form writes to one address about one webinar at most once per interval.
FORM_EMAIL_INTERVAL = timedelta(days=1)


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("En attente de confirmation")
    CONFIRMED = "confirmed", _("Inscription confirmée")
    WAITING = "waiting", _("Liste d'attente")
    CANCELLED = "cancelled", _("Annulée")


class Registration(models.Model):
    """One person for one webinar; one row per e-mail, so registering twice is harmless."""

    webinar = models.ForeignKey(
        "webinars.WebinarPage",
        verbose_name=_("webinaire"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField(_("nom"), max_length=120)
    email = models.EmailField(_("adresse électronique"))
    organisation = models.CharField(_("association"), max_length=160, blank=True)
    consent = models.BooleanField(_("accord pour le traitement des données"), default=False)
    status = models.CharField(
        _("état"),
        max_length=10,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(_("inscrit le"), auto_now_add=True)
    emailed_at = models.DateTimeField(
        _("dernier courriel demandé par le formulaire"),
        null=True,
        blank=True,
        help_text=_("Au plus un par jour ; le lien de confirmation ne vaut que pour le dernier."),
    )
    confirmed_at = models.DateTimeField(_("adresse confirmée le"), null=True, blank=True)
    promoted_at = models.DateTimeField(_("sorti de la liste d'attente le"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("annulée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("inscription à un webinaire")
        verbose_name_plural = _("inscriptions aux webinaires")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["webinar", "email"], name="webinars_one_registration_per_email"
            )
        ]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    @property
    def is_pending(self):
        return self.status == RegistrationStatus.PENDING

    def request_expired(self, now=None):
        """A pending request e-mailed over CONFIRMATION_WINDOW ago can no longer be confirmed."""
        if not self.is_pending:
            return False
        now = now or timezone.now()
        return self.emailed_at is None or now >= self.emailed_at + CONFIRMATION_WINDOW

    def may_email_from_form(self, now=None):
        """False when the form already wrote to this address about this webinar in the last day."""
        now = now or timezone.now()
        return self.emailed_at is None or now >= self.emailed_at + FORM_EMAIL_INTERVAL


class ReminderKind(models.TextChoices):
    DAY_BEFORE = "day", _("La veille")
    HOUR_BEFORE = "hour", _("Une heure avant")


class SentReminder(models.Model):
    """A reminder already queued, so that running the reminder command again sends nothing twice."""

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(_("rappel"), max_length=4, choices=ReminderKind.choices)
    sent_at = models.DateTimeField(_("envoyé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("rappel envoyé")
        verbose_name_plural = _("rappels envoyés")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "kind"], name="webinars_one_reminder_of_each_kind"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.registration}"
