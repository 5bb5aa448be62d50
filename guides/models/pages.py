"""The guides section: an index that filters guides, and the guides themselves."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from guides.blocks import GuideStreamBlock
from guides.reading import reading_minutes
from home.models import BasePage


class GuideKind(models.TextChoices):
    ARGUMENT = "argument", _("Argumentaire")
    PRACTICAL = "practical", _("Guide pratique")
    TESTIMONY = "testimony", _("Témoignage")
    TOOL_SHEET = "tool_sheet", _("Fiche outil")


class Audience(models.TextChoices):
    """The size of the association a guide is written for."""

    ALL = "all", _("Toutes les associations")
    SMALL = "small", _("Petite association de bénévoles")
    MEDIUM = "medium", _("Association avec quelques salariés")
    LARGE = "large", _("Grande association, fédération ou réseau")


class GuideIndexPage(BasePage):
    template = "pages/guides/guide_index_page.html"
    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["guides.GuidePage"]

    class Meta:
        verbose_name = _("index des guides")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guides"] = (
            GuidePage.objects.child_of(self)
            .live()
            .public()
            .defer_streamfields()
            .order_by("-first_published_at")
        )
        return context


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
    last_reviewed = models.DateField(
        _("dernière relecture"),
        default=timezone.localdate,
        help_text=_("La date à laquelle le contenu a été vérifié pour la dernière fois."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de liste"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    listing_image_alt = models.CharField(
        _("texte alternatif de l'image"),
        max_length=250,
        blank=True,
        help_text=_("Obligatoire si une image est choisie : ce qu'elle montre."),
    )
    body = StreamField(GuideStreamBlock(), verbose_name=_("contenu"))
    reading_minutes = models.PositiveSmallIntegerField(
        _("temps de lecture (minutes)"), default=1, editable=False
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("audience"),
                FieldPanel("topics"),
                FieldPanel("services"),
            ],
            heading=_("Classement"),
        ),
        MultiFieldPanel(
            [FieldPanel("authors"), FieldPanel("last_reviewed")], heading=_("Signature")
        ),
        MultiFieldPanel(
            [FieldPanel("listing_image"), FieldPanel("listing_image_alt")],
            heading=_("Image de liste"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("authors"),
        index.FilterField("kind"),
        index.FilterField("audience"),
    ]

    template = "pages/guides/guide_page.html"
    parent_page_types = ["guides.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    def save(self, *args, **kwargs):
        self.reading_minutes = reading_minutes(self.body)
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.listing_image_id and not self.listing_image_alt.strip():
            raise ValidationError(
                {"listing_image_alt": _("Décrivez l'image choisie pour qui ne la voit pas.")}
            )
