"""Site-wide settings editors change in the admin (Paramètres > Site)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(
        _("nom de l'organisation"), max_length=120, default="Emancip'Asso"
    )
    contact_email = models.EmailField(_("adresse de contact"), blank=True)
    fediverse_url = models.URLField(_("compte Mastodon ou Fediverse"), blank=True)
    peertube_url = models.URLField(_("chaîne PeerTube"), blank=True)
    footer_text = models.TextField(_("texte du pied de page"), blank=True, max_length=500)
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("mentions légales"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("politique de confidentialité"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("déclaration d'accessibilité"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("contact_email")],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [FieldPanel("fediverse_url"), FieldPanel("peertube_url")],
            heading=_("Réseaux libres"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("footer_text"),
                FieldPanel("legal_notice_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
            ],
            heading=_("Pied de page"),
        ),
    ]

    select_related = ["legal_notice_page", "privacy_page", "accessibility_page"]

    class Meta:
        verbose_name = _("réglages du site")
