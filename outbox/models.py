from email.utils import make_msgid, parseaddr

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_message_id():
    """A Message-ID fixed when the message is stored, so a copy sent twice is recognisable."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "emancipasso.local"
    return make_msgid(domain=domain)


# Every field that holds an address, erased together for a message that forgets them.
RECIPIENT_FIELDS = ("to", "cc", "bcc", "reply_to")
# What a message that carries a sign-in link loses once it is sent or given up.
CONTENT_FIELDS = {"body_text": "", "body_html": "", "attachments": []}


class OutgoingEmail(models.Model):
    """One message, kept until it is sent; a failure leaves it here with its error."""

    class Status(models.TextChoices):
        PENDING = "pending", _("En attente")
        SENDING = "sending", _("Envoi en cours")
        SENT = "sent", _("Envoyé")
        FAILED = "failed", _("Échec")

    from_email = models.CharField(_("expéditeur"), max_length=255, blank=True)
    to = models.JSONField(_("destinataires"))
    cc = models.JSONField(_("copie à"), default=list, blank=True)
    bcc = models.JSONField(_("copie cachée à"), default=list, blank=True)
    reply_to = models.JSONField(_("répondre à"), default=list, blank=True)
    subject = models.CharField(_("objet"), max_length=255)
    body_text = models.TextField(_("texte"))
    body_html = models.TextField(_("version HTML"), blank=True)
    attachments = models.JSONField(
        _("pièces jointes"),
        default=list,
        blank=True,
        help_text=_(
            "Liste de {filename, content, mimetype} ; contenu texte, ou en base64 quand "
            "encoding vaut « base64 »."
        ),
    )
    headers = models.JSONField(
        _("en-têtes"), default=dict, blank=True, help_text=_("En-têtes ajoutés par l'expéditeur.")
    )
    message_id = models.CharField(
        _("Message-ID"),
        max_length=255,
        default=new_message_id,
        help_text=_("Le même à chaque tentative : deux copies d'un envoi se reconnaissent."),
    )
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("tentatives"), default=0)
    last_error = models.TextField(_("dernière erreur"), blank=True)
    forget_recipients = models.BooleanField(
        _("adresse effacée après l'envoi"),
        default=False,
        help_text=_(
            "Pour une adresse donnée pour un seul envoi (« recevoir ce plan par courriel ») : "
            "elle est effacée dès que le courriel est parti, ou abandonné."
        ),
    )
    forget_content = models.BooleanField(
        _("texte effacé après l'envoi"),
        default=False,
        help_text=_(
            "Pour un courriel qui porte un lien de connexion personnel (mot de passe oublié) : "
            "son texte est effacé dès qu'il est parti, ou abandonné."
        ),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    queued_at = models.DateTimeField(
        _("en file depuis"),
        default=timezone.now,
        help_text=_("Début de la période de nouvelles tentatives (OUTBOX_RETRY_PERIOD)."),
    )
    next_attempt_at = models.DateTimeField(_("prochaine tentative"), null=True, blank=True)
    claimed_at = models.DateTimeField(
        _("envoi commencé le"),
        null=True,
        blank=True,
        help_text=_("Quand un worker a pris le courriel pour l'envoyer."),
    )
    interrupted_sends = models.PositiveSmallIntegerField(
        _("envois interrompus"),
        default=0,
        help_text=_(
            "Envois dont le worker s'est arrêté en route : le courriel est peut-être parti. "
            "Réessayé une seule fois."
        ),
    )
    task_id = models.CharField(_("tâche"), max_length=64, blank=True)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("courriel sortant")
        verbose_name_plural = _("courriels sortants")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.to)}"
