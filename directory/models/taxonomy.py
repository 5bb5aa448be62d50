"""Fixed vocabularies of the directory, shipped as data: areas served and prestations offered."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    """One of the 18 French régions (INSEE code), loaded by a data migration."""

    code = models.CharField(_("code INSEE"), max_length=3, unique=True)
    name = models.CharField(_("nom"), max_length=60, unique=True)
    slug = models.SlugField(_("identifiant d'URL"), max_length=60, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("région")
        verbose_name_plural = _("régions")

    def __str__(self):
        return self.name


class Department(models.Model):
    """One of the 101 départements, with the région it belongs to."""

    code = models.CharField(_("numéro"), max_length=3, unique=True)
    name = models.CharField(_("nom"), max_length=60)
    region = models.ForeignKey(
        Region, verbose_name=_("région"), on_delete=models.PROTECT, related_name="departments"
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("département")
        verbose_name_plural = _("départements")

    def __str__(self):
        return f"{self.name} ({self.code})"


class Offering(models.Model):
    """A prestation a provider offers an association, from diagnosis to training referents.

    Not a "service": in this code a service is a proprietary one of the catalogue (Gmail, Zoom).
    """

    slug = models.SlugField(_("identifiant d'URL"), max_length=60, unique=True)
    name = models.CharField(_("nom"), max_length=100, unique=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("ordre d'affichage"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("prestation")
        verbose_name_plural = _("prestations")

    def __str__(self):
        return self.name


class StructureType(models.TextChoices):
    ASSOCIATION = "association", _("Association")
    COOPERATIVE = "cooperative", _("Coopérative (SCOP, SCIC…)")
    COMPANY = "company", _("Entreprise")
    SOLE_TRADER = "sole_trader", _("Entrepreneur·e individuel·le")
    COLLECTIVE = "collective", _("Collectif informel")


class SupportLevel(models.TextChoices):
    INFORMATION = "information", _("Information et sensibilisation")
    GENERAL = "general", _("Accompagnement généraliste")
    SPECIALIST = "specialist", _("Accompagnement spécialisé")


class OfferType(models.TextChoices):
    A_LA_CARTE = "a_la_carte", _("Prestations à la carte")
    FULL = "full", _("Accompagnement complet")
    BOTH = "both", _("À la carte ou en accompagnement complet")
