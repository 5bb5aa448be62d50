"""What the diagnostic contributes to lower apps' pages, which do not import it."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page

from catalogue.models import CatalogueIndexPage
from directory.models import DirectoryIndexPage
from home.robots import ROBOTS_DISALLOW_HOOK
from home.search import WAYS_IN_HOOK as SEARCH_WAYS_IN

from .answers import TOOLS
from .models import DiagnosticPage


@dataclass(frozen=True)
class Route:
    label: str
    description: str
    url: str
    app: str  # names the route's illustration, static/img/illustrations/parcours-<app>.svg


ROUTES = [
    (
        CatalogueIndexPage,
        _("Je remplace un outil"),
        _("Gmail, WhatsApp, Zoom… : les alternatives libres, outil par outil."),
    ),
    (
        DirectoryIndexPage,
        _("Je cherche de l'aide près de chez moi"),
        _("Des structures qui accompagnent les associations, par territoire."),
    ),
    (
        DiagnosticPage,
        _("Je fais le point"),
        _("Vos outils, vos moyens, vos envies : un plan et les bonnes structures."),
    ),
]


@hooks.register("home_page_context")
def passer_au_libre_on_the_home_page(page, request):
    """The home page's call to action (the diagnostic) and its three ways in, in one query.

    A way whose page is not published is left out rather than linking to a 404."""
    models = [model for model, _label, _description in ROUTES]
    found = Page.objects.live().public().type(*models).only("id", "content_type", "url_path")
    urls = {index.specific_class: index.url for index in found.order_by("path")}
    routes = [
        Route(str(label), str(description), urls[model], model._meta.app_label)
        for model, label, description in ROUTES
        if model in urls
    ]
    return {"diagnostic_url": urls.get(DiagnosticPage, ""), "home_routes": routes}


@hooks.register(SEARCH_WAYS_IN)
def ways_in_after_an_empty_search(request):
    """The same three ways in as the home page, offered by a search that found nothing."""
    return passer_au_libre_on_the_home_page(None, request)["home_routes"]


@hooks.register("catalogue_service_context")
def diagnostic_on_a_service_page(service, request):
    """ "Faire le point sur tous vos outils": the diagnostic with this service already ticked, so
    that someone who came for Gmail sees what else to change and who can help, in one go."""
    diagnostic = DiagnosticPage.objects.live().public().first()
    if diagnostic is None:
        return {}
    return {"diagnostic_url": f"{diagnostic.get_url(request)}?{urlencode({TOOLS: service.slug})}"}


@hooks.register(ROBOTS_DISALLOW_HOOK)
def diagnostic_results_stay_out_of_search_engines(request):
    """A diagnostic's answers travel in the query string: its results, kit and printout."""
    return [f"{page.get_url(request)}*?" for page in DiagnosticPage.objects.live().only("url_path")]
