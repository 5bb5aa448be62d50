"""The public catalogue: browse uses by category, then one page per service to replace."""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from home.models import BasePage
from home.routes import ViewRoutesMixin

from .entries import ProprietaryService


class CatalogueIndexPage(ViewRoutesMixin, RoutablePageMixin, BasePage):
    """`/alternatives/`: every category with its services; `remplacer/<slug>/` per service.

    Each route is answered by a view of catalogue.views (see home.routes)."""

    template = "pages/catalogue/catalogue_index_page.html"
    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    search_fields = [*BasePage.search_fields]

    class Meta:
        verbose_name = _("catalogue des alternatives")

    def get_sitemap_urls(self, request=None):
        """The catalogue, then one entry per published "Remplacer …" page (never a draft), dated
        by its last publication, so search engines find them and know when they changed."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        services = ProprietaryService.objects.live().order_by("slug")
        return urls + [
            {
                "location": base + self.reverse_subpage("service", kwargs={"slug": slug}),
                "lastmod": published,
            }
            for slug, published in services.values_list("slug", "last_published_at")
        ]

    @re_path(r"^$")
    def categories(self, request):
        return self.serve_route("categories", request)

    @path("remplacer/<slug:slug>/", name="service")
    def service(self, request, slug):
        return self.serve_route("service", request, slug)
