"""What the catalogue page answers: every category, and one "Remplacer …" page per service.

The page routes hand the request here (see home.routes).
"""

from django.shortcuts import get_object_or_404
from wagtail import hooks

from home.routes import serves

from .models import CatalogueIndexPage, Category, ProprietaryService
from .models.entries import live_category_contents


@serves(CatalogueIndexPage, "categories")
def categories(request, catalogue):
    """Published categories, services and alternatives: three queries whatever the size."""
    categories = Category.objects.live().prefetch_related(*live_category_contents())
    return catalogue.render(request, context_overrides={"categories": categories})


@serves(CatalogueIndexPage, "service")
def service(request, catalogue, slug):
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
    return catalogue.render(
        request, template="pages/catalogue/service_page.html", context_overrides=context
    )
