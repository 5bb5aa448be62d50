"""The site root and the plain content pages (about, legal notice, privacy, accessibility)."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.blocks import PageChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.legal_blocks import PublisherContactBlock
from home.site_structure import cached
from home.view_restrictions import may_be_restricted, private_sections_q


class HubPageQuerySet(PageQuerySet):
    """`.public()` and `.not_public()` read the restricted sections from the cached structure
    instead of querying every restriction on each call."""

    def private_q(self):
        return private_sections_q()


class BasePage(Page):
    """What every page of the hub shares: a short introduction used in listings and meta tags."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_(
            "Deux ou trois phrases : reprises dans les listes et les moteurs de recherche."
        ),
    )

    objects = PageManager.from_queryset(HubPageQuerySet)()

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    # What the public API (/api/v2/) shows of every page: each type adds its public fields.
    api_fields = [APIField("introduction")]

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        return self.search_description or self.introduction

    def route(self, request, path_components):
        """As Wagtail's, with the child read in one query of its own type (Wagtail reads the
        base page, then its type's table): the type is the only one this page allows below
        it, or the one the cached structure records for that slug."""
        if path_components:
            child_model = self.child_model(path_components[0])
            try:
                child = child_model.objects.child_of(self).get(slug=path_components[0])
            except child_model.DoesNotExist:
                return super().route(request, path_components)
            child._cached_parent_obj = self
            return child.specific.route(request, path_components[1:])
        return super().route(request, path_components)

    def child_model(self, slug):
        """The page type of this page's child `slug`; Page when there is none."""
        allowed = self.allowed_subpage_models()
        if len(allowed) == 1:
            return allowed[0]
        types = cached(
            f"child-types:{self.path}",
            lambda: dict(self.get_children().values_list("slug", "content_type")),
        )
        if slug not in types:
            return Page
        return ContentType.objects.get_for_id(types[slug]).model_class() or Page

    def get_view_restrictions(self):
        """Wagtail's, asked only when a restriction may apply: most pages of the hub are
        public, and Wagtail's check before serving one costs two queries."""
        if may_be_restricted(self):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()


class HomePage(BasePage):
    hero_title = models.CharField(_("accroche"), max_length=160, blank=True)
    featured_guides = StreamField(
        [("guide", PageChooserBlock(page_type="guides.GuidePage", label=_("Guide")))],
        blank=True,
        max_num=6,
        verbose_name=_("guides à la une"),
        help_text=_(
            "Jusqu'à six guides, dans l'ordre voulu. Les arguments « pourquoi changer » des "
            "argumentaires choisis sont aussi repris sur l'accueil."
        ),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("contenu"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("hero_title"),
        FieldPanel("featured_guides"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("hero_title"), APIField("body")]

    template = "pages/home_page.html"
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    # No subpage_types: each section's index names home.HomePage as its parent, so that the
    # home page does not list the apps above it.

    class Meta:
        verbose_name = _("page d'accueil")

    def get_context(self, request, *args, **kwargs):
        """Higher apps add what they show here (the guides: featured guides and their
        arguments) through the `home_page_context` hook, so that home imports none of them."""
        context = super().get_context(request, *args, **kwargs)
        for contribute in hooks.get_hooks("home_page_context"):
            context.update(contribute(self, request))
        return context


class StandardPageStreamBlock(BaseStreamBlock):
    """The shared blocks, plus the publisher's details for the legal pages."""

    publisher_contact = PublisherContactBlock()


class StandardPage(BasePage):
    body = StreamField(StandardPageStreamBlock(), blank=True, verbose_name=_("contenu"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("body")]

    template = "pages/standard_page.html"
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("page simple")
        verbose_name_plural = _("pages simples")
