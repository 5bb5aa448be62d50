"""What the catalogue page answers: every category, and one "Remplacer …" page per service.

The page routes hand the request here (see home.routes).
"""

from django.shortcuts import get_object_or_404
from wagtail import hooks

from home.routes import serves

from .browse import CatalogueBrowse
from .models import CatalogueIndexPage, ProprietaryService


@serves(CatalogueIndexPage, "categories")
def categories(request, catalogue):
    """Published uses and services, searched (`q`) and filtered by use (`usage`)."""
    return catalogue.render(request, context_overrides={"catalogue": CatalogueBrowse(request.GET)})


@serves(CatalogueIndexPage, "service")
def service(request, catalogue, slug):
    """Higher apps add what they offer for this service (guides, providers) through the
    `catalogue_service_context` hook, so that the catalogue imports none of them.

    A contribution may include `offered_by`: {alternative id: who offers it}, shown on each
    alternative's card as `providers` (pages), `more` (how many others) and `directory_url`."""
    service = get_object_or_404(
        ProprietaryService.objects.live().select_related("category"), slug=slug
    )
    alternatives = list(service.alternatives.live().select_related("category"))
    context = {"service": service, "offered_by": {}}
    for contribute in hooks.get_hooks("catalogue_service_context"):
        context.update(contribute(service, request))
    offered_by = context.pop("offered_by")
    context["alternative_cards"] = [
        (alternative, offered_by.get(alternative.pk)) for alternative in alternatives
    ]
    return catalogue.render(
        request, template="pages/catalogue/service_page.html", context_overrides=context
    )
