"""Site-wide settings editors change in the admin (Paramètres > Site).

The publisher's identity and contact details live here only: the footer shows them on every
page, and the legal pages print them through the « Coordonnées de l'éditeur » block, so that
changing an address here changes it everywhere.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from home.site_structure import cached


class AccessibilityStatus(models.TextChoices):
    """The three mentions RGAA allows; without a valid audit, only « non conforme » is true."""

    COMPLIANT = "compliant", _("totalement conforme")
    PARTIAL = "partial", _("partiellement conforme")
    NON_COMPLIANT = "non_compliant", _("non conforme")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(
        _("nom de l'organisation"), max_length=120, default="Emancip'Asso"
    )
    publisher_name = models.CharField(
        _("éditeur du site"),
        max_length=200,
        blank=True,
        help_text=_(
            "La personne morale qui publie le site, par exemple « Association X, loi 1901, "
            "RNA W000000000 ». Affiché dans le pied de page et les mentions légales."
        ),
    )
    publication_director = models.CharField(
        _("directeur ou directrice de la publication"),
        max_length=200,
        blank=True,
        help_text=_("Nom et fonction, par exemple « Camille Martin, présidente »."),
    )
    postal_address = models.TextField(
        _("adresse postale"),
        max_length=300,
        blank=True,
        help_text=_("Une ligne par ligne d'adresse."),
    )
    contact_email = models.EmailField(
        _("adresse de contact"),
        blank=True,
        help_text=_(
            "Pour écrire à l'équipe, exercer ses droits sur ses données ou signaler un défaut "
            "d'accessibilité ; les demandes de référencement y sont aussi signalées."
        ),
    )
    accessibility_status = models.CharField(
        _("état de conformité au RGAA"),
        max_length=20,
        choices=AccessibilityStatus.choices,
        default=AccessibilityStatus.NON_COMPLIANT,
        help_text=_(
            "Affiché dans le pied de page. « Partiellement » ou « totalement conforme » "
            "seulement après un audit RGAA (au moins 50 % ou 100 % des critères respectés)."
        ),
    )
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
            [
                FieldPanel("organisation_name"),
                FieldPanel("publisher_name"),
                FieldPanel("publication_director"),
                FieldPanel("postal_address"),
                FieldPanel("contact_email"),
            ],
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
                FieldPanel("accessibility_status"),
            ],
            heading=_("Pied de page"),
        ),
    ]

    select_related = ["legal_notice_page", "privacy_page", "accessibility_page"]

    @classmethod
    def for_site(cls, site):
        """Every page reads them (header, footer): from the cached structure, which changing
        them or one of the pages they name replaces."""
        if site is None:
            return super().for_site(site)
        return cached(f"site-settings:{site.pk}", lambda: super(SiteSettings, cls).for_site(site))

    class Meta:
        verbose_name = _("réglages du site")
