"""Catalogue entries, edited as snippets: what an association uses, and what it can use instead."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Category(index.Indexed, models.Model):
    """A use an association has for a tool: e-mail, file sharing, video meetings..."""

    name = models.CharField(_("nom"), max_length=80, unique=True)
    slug = models.SlugField(_("identifiant d'URL"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True, max_length=500)
    sort_order = models.PositiveSmallIntegerField(_("ordre d'affichage"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("catégorie d'usage")
        verbose_name_plural = _("catégories d'usage")

    def __str__(self):
        return self.name


class ProprietaryService(index.Indexed, models.Model):
    """A Big Tech service an association may want to leave (Gmail, Zoom, Facebook...)."""

    name = models.CharField(_("nom"), max_length=80, unique=True)
    slug = models.SlugField(_("identifiant d'URL"), max_length=80, unique=True)
    vendor = models.CharField(_("éditeur"), max_length=80)
    category = models.ForeignKey(
        Category, verbose_name=_("catégorie"), on_delete=models.PROTECT, related_name="services"
    )
    cost = models.TextField(
        _("ce qu'il coûte à l'association"),
        max_length=800,
        help_text=_("Données cédées, enfermement, dépendance : en quelques phrases."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("vendor"),
        FieldPanel("category"),
        FieldPanel("cost"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("vendor"),
        index.SearchField("cost"),
        index.FilterField("category"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("service propriétaire")
        verbose_name_plural = _("services propriétaires")

    def __str__(self):
        return self.name


class Difficulty(models.IntegerChoices):
    EASY = 1, _("Facile : prise en main immédiate")
    MODERATE = 2, _("Moyenne : un temps d'adaptation")
    HARD = 3, _("Exigeante : un accompagnement conseillé")


class FreeAlternative(index.Indexed, models.Model):
    """A free (libre) software or service that can replace one or more proprietary services."""

    name = models.CharField(_("nom"), max_length=80, unique=True)
    slug = models.SlugField(_("identifiant d'URL"), max_length=80, unique=True)
    description = models.TextField(_("description courte"), max_length=600)
    licence = models.CharField(_("licence"), max_length=80)
    website = models.URLField(_("site du projet"))
    category = models.ForeignKey(
        Category, verbose_name=_("catégorie"), on_delete=models.PROTECT, related_name="alternatives"
    )
    self_hostable = models.BooleanField(_("auto-hébergeable"), default=True)
    hosts = models.TextField(
        _("hébergeurs éthiques qui le proposent"),
        blank=True,
        max_length=600,
        help_text=_("Quelques exemples, séparés par des virgules (un CHATON, une association…)."),
    )
    difficulty = models.PositiveSmallIntegerField(
        _("difficulté d'adoption"), choices=Difficulty.choices, default=Difficulty.MODERATE
    )
    replaces = models.ManyToManyField(
        ProprietaryService,
        verbose_name=_("remplace"),
        related_name="alternatives",
        blank=True,
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("category"),
        FieldPanel("replaces"),
        FieldPanel("licence"),
        FieldPanel("website"),
        FieldPanel("self_hostable"),
        FieldPanel("hosts"),
        FieldPanel("difficulty"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("category"),
        index.FilterField("self_hostable"),
        index.FilterField("difficulty"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("alternative libre")
        verbose_name_plural = _("alternatives libres")

    def __str__(self):
        return self.name

    @property
    def host_list(self):
        return [host.strip() for host in self.hosts.split(",") if host.strip()]
