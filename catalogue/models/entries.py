"""Catalogue entries, edited as snippets: what an association uses, and what it can use instead.

Entries are moderated like pages: an editor's change is a draft until a moderator publishes it,
and the database row always holds the published version. Public code reads `.live()` only.
"""

from django.contrib.admin import display as admin_display
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index


class CatalogueEntryQuerySet(models.QuerySet):
    def live(self):
        """What visitors may see: published entries, never a draft nor an unpublished one."""
        return self.filter(live=True)


class CatalogueEntry(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """Drafts, revisions, locking and the editorial workflow, as for pages.

    A cluster model, so that many-to-many choices are kept in the revision and reach the
    site only when it is published.
    """

    objects = CatalogueEntryQuerySet.as_manager()

    class Meta:
        abstract = True

    @admin_display(description=_("statut"), ordering="live")
    def publication_status(self):
        """Read from the row alone, so that admin lists stay at a fixed number of queries."""
        if not self.live:
            return _("brouillon")
        if self.has_unpublished_changes:
            return _("en ligne, modifications en attente")
        return _("en ligne")


class CategoryIcon(models.TextChoices):
    """The pictograms of `static/img/icons.svg`, one per use, shown beside a category's name."""

    TOOL = "outil", _("Outil (pictogramme général)")
    MAIL = "courriel", _("Courriel")
    CALENDAR = "agenda", _("Agenda")
    DOCUMENTS = "documents", _("Documents")
    STORAGE = "stockage", _("Stockage de fichiers")
    CHAT = "messagerie", _("Messagerie")
    VIDEO_CALL = "visio", _("Visioconférence")
    POLL = "sondage", _("Sondage")
    FORM = "formulaire", _("Formulaire")
    SOCIAL = "reseaux-sociaux", _("Réseaux sociaux")
    EVENT = "evenement", _("Événement")
    NEWSLETTER = "lettre", _("Lettre d'information")
    WEBSITE = "site-web", _("Site web")
    MEMBERS = "adherents", _("Adhérents")
    PROJECT = "projet", _("Gestion de projet")
    VIDEO = "video", _("Vidéo")
    COMPUTER = "ordinateur", _("Ordinateur")


class Category(CatalogueEntry):
    """A use an association has for a tool: e-mail, file sharing, video meetings..."""

    name = models.CharField(_("nom"), max_length=80, unique=True)
    slug = models.SlugField(_("identifiant d'URL"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True, max_length=500)
    sort_order = models.PositiveSmallIntegerField(_("ordre d'affichage"), default=0)
    icon = models.CharField(
        _("pictogramme"),
        max_length=20,
        choices=CategoryIcon.choices,
        default=CategoryIcon.TOOL,
        blank=True,
        help_text=_("Affiché à côté du nom de l'usage dans le catalogue ; à défaut, le général."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("icon"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("catégorie d'usage")
        verbose_name_plural = _("catégories d'usage")

    def __str__(self):
        return self.name

    def get_preview_template(self, request, mode_name):
        return "pages/catalogue/category_preview.html"

    def get_preview_context(self, request, mode_name):
        """The section as the catalogue shows it: published services and alternatives only."""
        context = super().get_preview_context(request, mode_name)
        if self.pk:
            prefetch_related_objects([self], *live_category_contents())
        context["category"] = self
        return context


class ProprietaryService(CatalogueEntry):
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
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("vendor"),
        index.SearchField("cost"),
        # "visio" finds Zoom through its category, Visioconférence.
        index.RelatedFields("category", [index.SearchField("name")]),
        index.FilterField("category"),
        index.FilterField("vendor"),
        index.FilterField("live"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("service propriétaire")
        verbose_name_plural = _("services propriétaires")

    def __str__(self):
        return self.name

    @admin_display(description=_("alternatives publiées"), ordering="alternatives_total")
    def alternative_count(self):
        """Shown in the admin list, where it is annotated, to spot services left without answer."""
        if hasattr(self, "alternatives_total"):
            return self.alternatives_total
        return self.alternatives.live().count()

    def get_preview_template(self, request, mode_name):
        return "pages/catalogue/service_preview.html"

    def get_preview_context(self, request, mode_name):
        """The public "Remplacer …" content, without the guides (a preview shows the entry)."""
        context = super().get_preview_context(request, mode_name)
        context["service"] = self
        alternatives = self.alternatives.live().select_related("category") if self.pk else []
        context["alternative_cards"] = [(alternative, None) for alternative in alternatives]
        return context


class Difficulty(models.IntegerChoices):
    EASY = 1, _("Facile : prise en main immédiate")
    MODERATE = 2, _("Moyenne : un temps d'adaptation")
    HARD = 3, _("Exigeante : un accompagnement conseillé")


class FreeAlternative(CatalogueEntry):
    """A free (libre) software or service that can replace one or more proprietary services.

    Who offers it is said on the provider's side only (the directory's `ProviderPage.tools`).
    """

    name = models.CharField(_("nom"), max_length=80, unique=True)
    slug = models.SlugField(_("identifiant d'URL"), max_length=80, unique=True)
    description = models.TextField(_("description courte"), max_length=600)
    licence = models.CharField(_("licence"), max_length=80)
    website = models.URLField(_("site du projet"))
    category = models.ForeignKey(
        Category, verbose_name=_("catégorie"), on_delete=models.PROTECT, related_name="alternatives"
    )
    self_hostable = models.BooleanField(_("auto-hébergeable"), default=True)
    difficulty = models.PositiveSmallIntegerField(
        _("difficulté d'adoption"), choices=Difficulty.choices, default=Difficulty.MODERATE
    )
    replaces = ParentalManyToManyField(
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
        FieldPanel("difficulty"),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.SearchField("licence"),
        index.RelatedFields("category", [index.SearchField("name")]),
        index.FilterField("category"),
        index.FilterField("self_hostable"),
        index.FilterField("difficulty"),
        index.FilterField("live"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("alternative libre")
        verbose_name_plural = _("alternatives libres")

    def __str__(self):
        return self.name

    def get_preview_template(self, request, mode_name):
        return "pages/catalogue/alternative_preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["alternative"] = self
        return context

    @admin_display(description=_("remplace"))
    def replaced_services(self):
        """The services it replaces, for the CSV export (prefetched there)."""
        return ", ".join(service.name for service in self.replaces.all())


def live_category_contents():
    """Prefetches of the published services and alternatives of categories, as listed publicly."""
    return (
        Prefetch(
            "services",
            queryset=ProprietaryService.objects.live().only("name", "slug", "category"),
        ),
        Prefetch(
            "alternatives",
            queryset=FreeAlternative.objects.live().only("name", "website", "category"),
        ),
    )
