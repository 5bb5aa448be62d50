"""The guides section: an index that filters guides, and the guides themselves."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import F, Prefetch
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.search import index

from catalogue.api import LiveEntriesField
from guides.api import LivePageField
from guides.blocks import GuideStreamBlock
from guides.forms import GuideFilterForm, GuidePageForm
from guides.models.choices import (
    ASSOCIATION_SIZES,
    AssociationKind,
    Audience,
    CostRange,
    GuideKind,
    SwitchDuration,
)
from guides.reading import reading_minutes
from home.models import BasePage
from home.routes import ViewRoutesMixin

SECTION_BLOCKS = ("argument", "alternatives", "checklist", "steps")
# A guide card's image, as its template's {% picture %} asks for it: AVIF, then WebP, then JPEG
# for older browsers, on the page's white where the original is transparent.
LISTING_RENDITIONS = [
    f"fill-480x270|format-{kind}|bgcolor-ffffff" for kind in ("avif", "webp", "jpeg")
]


def recently_reviewed_first(relation=""):
    """Newest review first, and guides nobody has reviewed yet after all the others (on
    PostgreSQL a descending order would otherwise put them first). `relation` ("guidepage__")
    orders rows that lead to a guide."""
    return F(f"{relation}last_reviewed").desc(nulls_last=True)


def listed_guides(guides):
    """Live public guides with what a card shows, in a fixed number of queries, bodies left out."""
    return (
        guides.live()
        .public()
        .defer_streamfields()
        .prefetch_related(
            "topics",
            Prefetch(
                "listing_image",
                queryset=get_image_model().objects.prefetch_renditions(*LISTING_RENDITIONS),
            ),
        )
        .order_by(recently_reviewed_first(), "title")
    )


class GuideIndexPage(ViewRoutesMixin, RoutablePageMixin, BasePage):
    """Lists and filters guides; `rss/` and `atom/` serve them as feeds (guides.views)."""

    GUIDES_PER_PAGE = 12

    template = "pages/guides/guide_index_page.html"
    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["guides.GuidePage"]

    class Meta:
        verbose_name = _("index des guides")

    def get_context(self, request, *args, **kwargs):
        """Filter with the GET form, then paginate; queries stay constant as guides grow."""
        context = super().get_context(request, *args, **kwargs)
        form = GuideFilterForm(request.GET or None)
        guides = form.filter(listed_guides(GuidePage.objects.child_of(self)))
        page_obj = Paginator(guides, self.GUIDES_PER_PAGE).get_page(request.GET.get("page"))
        context.update(filter_form=form, guides=page_obj, page_obj=page_obj)
        return context

    @path("rss/", name="rss_feed")
    def rss_feed(self, request):
        return self.serve_route("rss_feed", request)

    @path("atom/", name="atom_feed")
    def atom_feed(self, request):
        return self.serve_route("atom_feed", request)


class GuidePage(BasePage):
    """An argument, a practical guide, a testimony or a tool sheet."""

    kind = models.CharField(
        _("type de guide"), max_length=20, choices=GuideKind.choices, default=GuideKind.PRACTICAL
    )
    audience = models.CharField(
        _("public"),
        max_length=20,
        choices=Audience.choices,
        default=Audience.ALL,
        help_text=_("La taille d'association à qui ce guide s'adresse d'abord."),
    )
    topics = ParentalManyToManyField(
        "catalogue.Category", verbose_name=_("thèmes"), related_name="guides"
    )
    services = ParentalManyToManyField(
        "catalogue.ProprietaryService",
        verbose_name=_("services concernés"),
        related_name="guides",
        blank=True,
        help_text=_("Le guide apparaîtra sur la page « Remplacer … » de ces services."),
    )
    authors = models.CharField(
        _("auteurs et autrices"),
        max_length=200,
        help_text=_("Par exemple : « L'équipe de Framasoft ». Séparez les noms par des virgules."),
    )
    # Empty until someone checks the content: a new guide has not been reviewed yet.
    last_reviewed = models.DateField(
        _("dernière relecture"),
        null=True,
        blank=True,
        help_text=_(
            "La date à laquelle le contenu a été vérifié pour la dernière fois. Laissez vide "
            "tant que personne ne l'a relu."
        ),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de liste"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Son texte alternatif est la description de l'image, dans la médiathèque ; "
            "une image sans description n'est pas acceptée."
        ),
    )
    body = StreamField(GuideStreamBlock(), verbose_name=_("contenu"))

    # A testimony's facts, so that associations like the one telling its story find it.
    association_kind = models.CharField(
        _("domaine de l'association"), max_length=20, choices=AssociationKind.choices, blank=True
    )
    association_size = models.CharField(
        _("taille de l'association"), max_length=20, choices=ASSOCIATION_SIZES, blank=True
    )
    tools_before = ParentalManyToManyField(
        "catalogue.ProprietaryService",
        verbose_name=_("outils quittés"),
        related_name="testimonies",
        blank=True,
    )
    tools_after = ParentalManyToManyField(
        "catalogue.FreeAlternative",
        verbose_name=_("outils adoptés"),
        related_name="testimonies",
        blank=True,
    )
    switch_duration = models.CharField(
        _("durée du changement"), max_length=20, choices=SwitchDuration.choices, blank=True
    )
    cost_range = models.CharField(
        _("coût du changement"), max_length=20, choices=CostRange.choices, blank=True
    )
    helped_by = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accompagnée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Facultatif : la structure de l'annuaire qui a accompagné l'association."),
    )

    reading_minutes = models.PositiveSmallIntegerField(
        _("temps de lecture (minutes)"), default=1, editable=False
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("audience"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("services", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Classement"),
        ),
        MultiFieldPanel(
            [FieldPanel("authors"), FieldPanel("last_reviewed")], heading=_("Signature")
        ),
        FieldPanel("listing_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("association_kind"),
                FieldPanel("association_size"),
                FieldPanel("tools_before", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tools_after", widget=forms.CheckboxSelectMultiple),
                FieldPanel("switch_duration"),
                FieldPanel("cost_range"),
                PageChooserPanel("helped_by", page_type="directory.ProviderPage"),
            ],
            heading=_("Le témoignage en bref"),
            help_text=_("À remplir pour un témoignage (seul l'accompagnement est facultatif)."),
            classname="collapsed",
        ),
    ]
    base_form_class = GuidePageForm
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("authors"),
        index.FilterField("kind"),
        index.FilterField("audience"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("kind"),
        APIField("audience"),
        APIField("association_kind"),
        APIField("association_size"),
        APIField("tools_before", serializer=LiveEntriesField()),
        APIField("tools_after", serializer=LiveEntriesField()),
        APIField("switch_duration"),
        APIField("cost_range"),
        APIField("helped_by", serializer=LivePageField()),
        APIField("topics", serializer=LiveEntriesField()),
        APIField("services", serializer=LiveEntriesField()),
        APIField("authors"),
        APIField("last_reviewed"),
        APIField("reading_minutes"),
        APIField("body"),
    ]

    template = "pages/guides/guide_page.html"
    parent_page_types = ["guides.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    def get_context(self, request, *args, **kwargs):
        """Higher apps add what they offer beside a guide (who can help) through the
        `guide_page_context` hook, so that the guides import none of them."""
        context = super().get_context(request, *args, **kwargs)
        for contribute in hooks.get_hooks("guide_page_context"):
            context.update(contribute(self, request))
        return context

    @cached_property
    def table_of_contents(self):
        """(anchor, title) of the body's sections: h2 headings and section blocks' titles."""
        entries = []
        for block in self.body:
            if block.block_type == "heading" and block.value["level"] == "h2":
                entries.append((slugify(block.value["text"]), block.value["text"]))
            elif block.block_type in SECTION_BLOCKS:
                entries.append((slugify(block.value["title"]), block.value["title"]))
        return entries

    def testimony_facts(self):
        """A testimony's facts box: published tools only, the provider only if visitors see it.

        None for any other kind of guide.
        """
        if self.kind != GuideKind.TESTIMONY:
            return None
        helped_by = self.helped_by
        if helped_by is not None and (
            not helped_by.live or helped_by.get_view_restrictions().exists()
        ):
            helped_by = None
        return {
            "tools_before": self.tools_before.filter(live=True).order_by("name"),
            "tools_after": self.tools_after.filter(live=True).order_by("name"),
            "helped_by": helped_by,
        }

    def related_guides(self, limit=3):
        """Other live guides sharing a topic, most recently reviewed first."""
        return listed_guides(
            GuidePage.objects.filter(
                pk__in=GuidePage.objects.filter(
                    topics__in=[topic.pk for topic in self.topics.all()]
                ).values("pk")
            ).exclude(pk=self.pk)
        )[:limit]

    def save(self, *args, **kwargs):
        self.reading_minutes = reading_minutes(self.body)
        return super().save(*args, **kwargs)

    TESTIMONY_FACTS = {
        "association_kind": _("Indiquez le domaine de l'association qui témoigne."),
        "association_size": _("Indiquez la taille de l'association qui témoigne."),
        "switch_duration": _("Indiquez combien de temps le changement a pris."),
        "cost_range": _("Indiquez ce que le changement a coûté (« Sans coût » si rien)."),
    }

    def clean(self):
        super().clean()
        self.reading_minutes = reading_minutes(self.body)
        errors = {}
        if self.listing_image and not self.listing_image.description.strip():
            errors["listing_image"] = _(
                "Cette image n'a pas de description : ajoutez-la dans la médiathèque "
                "(Images › l'image › Description), elle sert de texte alternatif."
            )
        if self.kind == GuideKind.TESTIMONY:
            errors.update(
                (name, message)
                for name, message in self.TESTIMONY_FACTS.items()
                if not getattr(self, name)
            )
        if errors:
            raise ValidationError(errors)
