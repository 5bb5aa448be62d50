"""What visitors send through the directory: contact requests and applications to join it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .taxonomy import StructureType


class ContactRequest(models.Model):
    """A message from an association to one provider, stored before it is e-mailed.

    A request for support sent from the diagnostic's result is one of these too, with the
    association's plan attached (`plan`); the provider marks it answered (`answered_at`), so
    moderators can see who never answers.
    """

    provider = models.ForeignKey(
        "directory.ProviderPage",
        verbose_name=_("prestataire"),
        on_delete=models.CASCADE,
        related_name="contact_requests",
    )
    association_name = models.CharField(_("association"), max_length=150)
    person_name = models.CharField(_("nom de la personne"), max_length=120)
    email = models.EmailField(_("adresse e-mail"), max_length=254)
    region = models.ForeignKey(
        "directory.Region",
        verbose_name=_("région"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    needs = models.ManyToManyField(
        "directory.Offering", verbose_name=_("besoins"), blank=True, related_name="+"
    )
    message = models.TextField(_("message"), max_length=3000)
    consent = models.BooleanField(_("accepte d'être recontactée"), default=False)
    created_at = models.DateTimeField(_("reçue le"), auto_now_add=True, db_index=True)
    email_message = models.ForeignKey(
        "outbox.OutgoingEmail",
        verbose_name=_("courriel envoyé"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    plan = models.JSONField(
        _("plan de l'association"),
        default=dict,
        blank=True,
        help_text=_("Pour une demande d'accompagnement : ses réponses au diagnostic."),
    )
    answered_at = models.DateTimeField(_("répondue le"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("demande de contact")
        verbose_name_plural = _("demandes de contact")
        permissions = [
            (
                "view_followup_contactrequest",
                _("Peut voir le suivi des demandes reçues et répondues par prestataire"),
            )
        ]

    def __str__(self):
        return f"{self.association_name} → {self.provider.title}"

    @property
    def is_support_request(self):
        """Sent from the diagnostic's result with a plan, rather than from the profile."""
        return bool(self.plan)

    @property
    def plan_rows(self):
        """The plan as (label, value) pairs in plain French, in the diagnostic's order.

        Read defensively: the plan is stored JSON, and a malformed row is skipped rather than
        breaking the provider's screen."""
        rows = self.plan.get("summary", []) if isinstance(self.plan, dict) else []
        return [
            (str(row[0]), str(row[1]))
            for row in rows
            if isinstance(row, list | tuple) and len(row) == 2
        ]

    @property
    def plan_result_url(self):
        """The diagnostic's result for these answers, to open the whole plan on the site."""
        url = self.plan.get("result_url", "") if isinstance(self.plan, dict) else ""
        return url if isinstance(url, str) and url.startswith(("https://", "http://")) else ""


class ProviderApplication(models.Model):
    """A structure asking to be listed; a moderator approves or rejects it.

    It says what its profile would: prestations, tools, areas and prices, so that moderators
    judge on facts and an approved structure finds its draft profile already filled in.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("À examiner")
        APPROVED = "approved", _("Acceptée")
        REJECTED = "rejected", _("Refusée")

    structure_name = models.CharField(_("nom de la structure"), max_length=150)
    structure_type = models.CharField(
        _("type de structure"), max_length=20, choices=StructureType.choices
    )
    chatons_member = models.BooleanField(_("membre du collectif CHATONS"), default=False)
    city = models.CharField(_("ville"), max_length=80)
    website = models.URLField(_("site web"), blank=True)
    summary = models.TextField(_("présentation en quelques phrases"), max_length=600)
    offerings = models.ManyToManyField(
        "directory.Offering", verbose_name=_("prestations proposées"), related_name="+"
    )
    tools = models.ManyToManyField(
        "catalogue.FreeAlternative",
        verbose_name=_("outils hébergés ou maîtrisés"),
        blank=True,
        related_name="+",
    )
    regions = models.ManyToManyField(
        "directory.Region", verbose_name=_("régions couvertes"), blank=True, related_name="+"
    )
    departments = models.ManyToManyField(
        "directory.Department",
        verbose_name=_("départements couverts"),
        blank=True,
        related_name="+",
    )
    remote = models.BooleanField(_("à distance, partout en France"), default=False)
    price_information = models.TextField(_("tarifs"), blank=True, max_length=1000)
    price_min = models.PositiveIntegerField(
        _("tarif journalier indicatif, à partir de (€)"), null=True, blank=True
    )
    price_max = models.PositiveIntegerField(
        _("tarif journalier indicatif, jusqu'à (€)"), null=True, blank=True
    )
    prices_adapted = models.BooleanField(_("tarifs adaptés aux associations"), default=False)
    contact_name = models.CharField(_("personne à contacter"), max_length=120)
    contact_email = models.EmailField(_("adresse e-mail"))
    charter_accepted = models.BooleanField(_("charte acceptée"), default=False)
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    rejection_reason = models.TextField(_("motif du refus"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("reçue le"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("examinée le"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("examinée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte créé"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="provider_applications",
    )
    provider_page = models.ForeignKey(
        "directory.ProviderPage",
        verbose_name=_("fiche créée"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("demande de référencement")
        verbose_name_plural = _("demandes de référencement")

    def __str__(self):
        return self.structure_name


class ReviewReminder(models.Model):
    """When a provider was last asked to review its profile, so it is asked once per cycle."""

    provider = models.ForeignKey(
        "directory.ProviderPage",
        verbose_name=_("prestataire"),
        on_delete=models.CASCADE,
        related_name="review_reminders",
    )
    sent_at = models.DateTimeField(_("envoyé le"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("rappel de relecture")
        verbose_name_plural = _("rappels de relecture")

    def __str__(self):
        return f"{self.provider.title} · {self.sent_at:%d/%m/%Y}"
