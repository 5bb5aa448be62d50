"""The public catalogue: browse uses by category, then one page per service to replace."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from home.models import BasePage

from .entries import Category, ProprietaryService, live_category_contents


class CatalogueIndexPage(RoutablePageMixin, BasePage):
    """`/alternatives/`: every category with its services; `remplacer/<slug>/` per service."""

    template = "pages/catalogue/catalogue_index_page.html"
    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    search_fields = [*BasePage.search_fields]

    class Meta:
        verbose_name = _("catalogue des alternatives")

    def get_sitemap_urls(self, request=None):
        """The catalogue, then one entry per "Remplacer …" page, so search engines find them."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        return urls + [
            {"location": base + self.reverse_subpage("service", kwargs={"slug": slug})}
            for slug in ProprietaryService.objects.live().values_list("slug", flat=True)
        ]

    @re_path(r"^$")
    def categories(self, request):
        """Published categories, services and alternatives: three queries whatever the size."""
        categories = Category.objects.live().prefetch_related(*live_category_contents())
        return self.render(request, context_overrides={"categories": categories})

    @path("remplacer/<slug:slug>/", name="service")
    def service(self, request, slug):
        """Higher apps add what they offer for this service (guides, providers) through the
        `catalogue_service_context` hook, so that the catalogue imports none of them."""
        service = get_object_or_404(
            ProprietaryService.objects.live().select_related("category"), slug=slug
        )
        context = {
            "service": service,
            "alternatives": service.alternatives.live().select_related("category"),
        }
        for contribute in hooks.get_hooks("catalogue_service_context"):
            context.update(contribute(service, request))
        return self.render(
            request, template="pages/catalogue/service_page.html", context_overrides=context
        )
