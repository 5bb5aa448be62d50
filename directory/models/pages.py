"""The directory (/annuaire/) and the profile page each provider keeps up to date."""

from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, PagePermissionTester
from wagtail.search import index

from catalogue.api import LiveEntriesField
from catalogue.models import CatalogueIndexPage
from directory.admin_forms import ProviderPageForm
from directory.listing_facts import changes_facts, refresh_listing_facts
from guides.models import GuidePage
from home.models import BasePage
from home.routes import ViewRoutesMixin
from home.sections import section_index

from .taxonomy import OfferType, StructureType, SupportLevel

# Facts a provider cannot claim for itself (CHATONS membership): moderators check them.
VERIFY_PROVIDERS = "directory.verify_providerpage"

# The logo's text alternative is Wagtail's own image description, written at upload.
LOGO_WITHOUT_DESCRIPTION = _(
    "Décrivez ce logo dans le champ « description » de l'image : c'est le texte lu aux "
    "personnes qui ne le voient pas. Transférez le logo à nouveau en remplissant ce champ, "
    "ou choisissez une image qui a déjà une description."
)


# Words associations search with for each prestation, beyond its name: the database
# backend stems nothing on SQLite, and stemming alone does not bring "hébergeur" to
# "hébergement" everywhere.
OFFERING_SEARCH_WORDS = {
    "diagnostic": "audit bilan état des lieux",
    "analyse-besoins": "besoins conseil conseiller",
    "financement": "financements subvention subventions cahier des charges",
    "hebergement": "hébergeur hébergeurs héberger hébergé hébergeuse serveur serveurs",
    "installation-migration": "installer installation migrer migration transfert",
    "formation-utilisateurs": "formation formations former formateur formatrice atelier",
    "formation-referents": "formation formations former formateur formatrice référent",
    "support-documentation": "support assistance aide maintenance documentation",
    "mediation": "médiation sensibilisation sensibiliser animation",
}


@dataclass(frozen=True)
class ProviderTool:
    """A tool as a profile lists it: its name, linked to the catalogue page it replaces."""

    name: str
    category_id: int
    catalogue_url: str = ""


class DirectoryIndexPage(ViewRoutesMixin, RoutablePageMixin, BasePage):
    """Lists providers with combinable filters; `referencer/` hosts the application form.

    Each route is answered by a view of directory.views (see home.routes)."""

    charter_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("charte et critères de sélection"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "La page qui explique comment les structures sont choisies : l'annuaire et le "
            "formulaire de référencement y renvoient."
        ),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("charter_page")]

    template = "pages/directory/directory_index_page.html"
    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["directory.ProviderPage"]

    class Meta:
        verbose_name = _("annuaire des prestataires")

    @property
    def published_charter(self):
        """The charter if visitors can read it: never a link to a draft or a private page."""
        charter = self.charter_page
        if charter is None or not charter.live or charter.get_view_restrictions().exists():
            return None
        return charter

    @path("", name="listing")
    def listing(self, request):
        return self.serve_route("listing", request)

    @path("referencer/", name="apply")
    def apply(self, request):
        return self.serve_route("apply", request)

    @path("referencer/merci/", name="application_received")
    def application_received(self, request):
        return self.serve_route("application_received", request)


def catalogue_url(catalogue, tool):
    """The "Remplacer …" page of the first published service the tool replaces, anchored."""
    replaced = sorted(
        (service for service in tool.replaces.all() if service.live),
        key=lambda service: service.name,
    )
    if not (catalogue and replaced):
        return ""
    route = catalogue.reverse_subpage("service", args=[replaced[0].slug])
    return f"{catalogue.url}{route}#alternative-{tool.slug}"


class ProviderPagePermissionTester(PagePermissionTester):
    """A maintainer edits and submits its profile; deleting or moving it takes a moderator.

    Wagtail lets anyone with "change" delete (and so move) a page that is not live; an
    account that reaches the profile only as its maintainer must not.
    """

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk) and self._granted_by_a_group()

    def _granted_by_a_group(self):
        """True if a group (not only the maintainer record) gives rights over this page."""
        return self.user.is_superuser or any(
            perm.group_id and self.page.path.startswith(perm.page.path)
            for perm in self.permission_policy.get_cached_permissions_for_user(self.user)
        )


class ProviderLink(Orderable):
    """A public link of a provider beyond its website: Fediverse, forge, PeerTube..."""

    page = ParentalKey("directory.ProviderPage", related_name="links", on_delete=models.CASCADE)
    label = models.CharField(_("intitulé"), max_length=60)
    url = models.URLField(_("adresse"))

    panels = [FieldPanel("label"), FieldPanel("url")]
    api_fields = [APIField("label"), APIField("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("lien")
        verbose_name_plural = _("liens")


class ProviderPage(ViewRoutesMixin, RoutablePageMixin, BasePage):
    """A structure that accompanies associations; `contacter/` holds its contact form."""

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "En transférant l'image, remplissez sa « description » : ce que montre le logo, "
            "lu aux personnes qui ne le voient pas."
        ),
    )
    structure_type = models.CharField(
        _("type de structure"), max_length=20, choices=StructureType.choices
    )
    chatons_member = models.BooleanField(
        _("membre du collectif CHATONS"),
        default=False,
        help_text=_("Collectif des hébergeurs alternatifs, transparents, ouverts et neutres."),
    )
    description = RichTextField(
        _("présentation"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        max_length=6000,
    )
    offerings = ParentalManyToManyField(
        "directory.Offering", verbose_name=_("prestations proposées"), related_name="providers"
    )
    accepting_new_associations = models.BooleanField(
        _("Accepte de nouvelles associations en ce moment"),
        default=True,
        help_text=_(
            "Décochez quand vous êtes complet : votre fiche reste visible et indique "
            "« complet pour le moment »."
        ),
    )
    support_level = models.CharField(
        _("niveau d'accompagnement"),
        max_length=20,
        choices=SupportLevel.choices,
        default=SupportLevel.GENERAL,
    )
    offer_type = models.CharField(
        _("type d'offre"), max_length=20, choices=OfferType.choices, default=OfferType.BOTH
    )
    tools = ParentalManyToManyField(
        "catalogue.FreeAlternative",
        verbose_name=_("outils hébergés ou maîtrisés"),
        related_name="providers",
        blank=True,
    )
    regions = ParentalManyToManyField(
        "directory.Region",
        verbose_name=_("régions couvertes"),
        related_name="providers",
        blank=True,
    )
    departments = ParentalManyToManyField(
        "directory.Department",
        verbose_name=_("départements couverts"),
        related_name="providers",
        blank=True,
        help_text=_("Inutile de cocher les départements d'une région déjà cochée."),
    )
    remote = models.BooleanField(_("à distance, partout en France"), default=False)
    city = models.CharField(_("ville"), max_length=80, blank=True)
    price_information = models.TextField(
        _("tarifs"),
        blank=True,
        max_length=1000,
        help_text=_("Comment vous facturez : à la journée, au forfait, par abonnement…"),
    )
    price_min = models.PositiveIntegerField(
        _("tarif journalier indicatif, à partir de (€)"), null=True, blank=True
    )
    price_max = models.PositiveIntegerField(
        _("tarif journalier indicatif, jusqu'à (€)"), null=True, blank=True
    )
    prices_adapted = models.BooleanField(_("tarifs adaptés aux associations"), default=False)
    website = models.URLField(_("site web"), blank=True)
    fediverse_url = models.URLField(_("compte Fediverse"), blank=True)
    languages = models.CharField(_("langues parlées"), max_length=120, default="français")
    last_reviewed = models.DateField(
        _("fiche relue le"),
        default=timezone.localdate,
        help_text=_("Changez cette date chaque fois que vous relisez votre fiche en entier."),
    )
    contact_email = models.EmailField(
        _("adresse de contact (jamais affichée)"),
        help_text=_("Les demandes du formulaire de contact y sont envoyées ; elle reste privée."),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("structure_type"),
                FieldPanel("chatons_member", permission=VERIFY_PROVIDERS),
                FieldPanel("city"),
                FieldPanel("logo"),
                FieldPanel("description"),
            ],
            heading=_("La structure"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("offerings", widget=forms.CheckboxSelectMultiple),
                FieldPanel("accepting_new_associations"),
                FieldPanel("support_level"),
                FieldPanel("offer_type"),
                FieldPanel("tools", widget=forms.CheckboxSelectMultiple),
                FieldPanel("languages"),
            ],
            heading=_("L'offre"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("remote"),
                FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
                FieldPanel("departments", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Territoires"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("price_information"),
                FieldRowPanel([FieldPanel("price_min"), FieldPanel("price_max")]),
                FieldPanel("prices_adapted"),
            ],
            heading=_("Tarifs"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("website"),
                FieldPanel("fediverse_url"),
                InlinePanel("links", label=_("Autres liens publics")),
            ],
            heading=_("Contact et liens"),
        ),
        FieldPanel("last_reviewed"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("city"),
        index.AutocompleteField("title"),
        index.SearchField("offering_keywords"),
        index.SearchField("live_tool_names"),
        index.FilterField("structure_type"),
        index.FilterField("chatons_member"),
        index.FilterField("remote"),
    ]

    # Public facts only: the contact e-mail stays out of the API as it stays off the page.
    api_fields = [
        *BasePage.api_fields,
        APIField("structure_type"),
        APIField("chatons_member"),
        APIField("description"),
        APIField("offerings"),
        APIField("accepting_new_associations"),
        APIField("tools", serializer=LiveEntriesField()),
        APIField("regions"),
        APIField("departments"),
        APIField("remote"),
        APIField("city"),
        APIField("price_information"),
        APIField("price_min"),
        APIField("price_max"),
        APIField("prices_adapted"),
        APIField("website"),
        APIField("fediverse_url"),
        APIField("languages"),
        APIField("last_reviewed"),
        APIField("links"),
    ]

    # What indexing many profiles at once prefetches (home.bulk_pages.index_pages).
    bulk_index_prefetch = ("offerings", "tools")

    base_form_class = ProviderPageForm
    template = "pages/directory/provider_page.html"
    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("fiche prestataire")
        verbose_name_plural = _("fiches prestataires")
        permissions = [("verify_providerpage", _("Peut attester les faits vérifiés d'une fiche"))]

    def permissions_for_user(self, user):
        return ProviderPagePermissionTester(user, self)

    def save(self, *args, **kwargs):
        """Saves, then rewrites the facts the directory filters on (see listing_facts)."""
        result = super().save(*args, **kwargs)
        if changes_facts(kwargs.get("update_fields")):
            refresh_listing_facts([self.pk])
        return result

    def clean(self):
        super().clean()
        errors = {}
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            errors["last_reviewed"] = _("La date de relecture ne peut pas être dans le futur.")
        if self.logo and not self.logo.description.strip():
            errors["logo"] = LOGO_WITHOUT_DESCRIPTION
        if self.price_min and self.price_max and self.price_min > self.price_max:
            errors["price_max"] = _("Le tarif maximal doit être supérieur au tarif minimal.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tools = self.tools_with_catalogue_links()
        context["tools"] = tools
        context["related_guides"] = self.related_guides({tool.category_id for tool in tools})
        return context

    @property
    def review_is_old(self):
        """Not reviewed for over a year: the profile says so, since its facts may have aged."""
        return self.last_reviewed < timezone.localdate() - relativedelta(years=1)

    def offering_keywords(self):
        """The prestations' names and the words people search them with (OFFERING_SEARCH_WORDS)."""
        return " ".join(
            f"{offering.name} {OFFERING_SEARCH_WORDS.get(offering.slug, '')}"
            for offering in self.offerings.all()
        )

    def live_tool_names(self):
        """Indexed instead of the tools themselves, so that no draft entry is searched.

        Read from `tools.all()`, so that indexing in bulk prefetches them (bulk_index_prefetch)."""
        return " ".join(tool.name for tool in self.tools.all() if tool.live)

    def tools_with_catalogue_links(self):
        """Each published tool with the page of a published service it replaces, anchored."""
        catalogue = section_index(CatalogueIndexPage)
        tools = self.tools.filter(live=True).prefetch_related("replaces").order_by("name")
        return [
            ProviderTool(tool.name, tool.category_id, catalogue_url(catalogue, tool))
            for tool in tools
        ]

    @staticmethod
    def related_guides(category_ids, limit=6):
        """Live guides whose topics include a category of the tools the provider supports.

        Works from category ids rather than this page, so a preview of an unsaved profile works.
        """
        if not category_ids:
            return GuidePage.objects.none()
        return (
            GuidePage.objects.live()
            .public()
            # A semi-join, not DISTINCT over whole rows (13 ms at 2 000 guides, 2 ms so).
            .filter(pk__in=GuidePage.objects.filter(topics__in=category_ids).values("pk"))
            .order_by("title")
            .defer_streamfields()[:limit]
        )

    @path("contacter/", name="contact")
    def contact(self, request):
        return self.serve_route("contact", request)

    @path("contacter/merci/", name="contact_sent")
    def contact_sent(self, request):
        return self.serve_route("contact_sent", request)

    @property
    def contact_url(self):
        return self.url + self.reverse_subpage("contact")
