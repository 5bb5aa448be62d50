"""The catalogue's results in the site search: "Remplacer …" pages and free alternatives.

Services and alternatives are snippets shown through routes of the catalogue page, so their
address is built from it, as the catalogue and the directory build it. Registered in
wagtail_hooks through home.search's `register_search_result_kind` hook.
"""

from django.db.models import Prefetch
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.search import Result, ResultKind

from .models import CatalogueIndexPage, FreeAlternative, ProprietaryService


def live_catalogue(search):
    """The published, public catalogue page, looked up once for both kinds (None without one)."""

    def lookup():
        return search.visible_pages(CatalogueIndexPage.objects.all()).first()

    return search.once("catalogue", lookup)


def service_url(catalogue, service, request):
    route = catalogue.reverse_subpage("service", kwargs={"slug": service.slug})
    return catalogue.get_url(request) + route


def services(search):
    catalogue = live_catalogue(search)
    if catalogue is None:
        return []
    found = search.found(ProprietaryService.objects.live().select_related("category"))
    return [
        Result(
            kind=SERVICE_KIND,
            title=_("Remplacer %(service)s") % {"service": service.name},
            name=service.name,
            url=service_url(catalogue, service, search.request),
            summary=Truncator(service.cost).words(40),
            detail=f"{service.vendor} · {service.category.name}",
            relevance=service.relevance,
        )
        for service in found
    ]


def alternatives(search):
    """Each alternative links to its card on the page of the first service it replaces, or to
    its category in the catalogue when it replaces none yet."""
    catalogue = live_catalogue(search)
    if catalogue is None:
        return []
    replaced = ProprietaryService.objects.live().only("name", "slug").order_by("name")
    found = search.found(
        FreeAlternative.objects.live()
        .select_related("category")
        .prefetch_related(Prefetch("replaces", queryset=replaced))
    )
    results = []
    for alternative in found:
        services = list(alternative.replaces.all())
        if services:
            url = service_url(catalogue, services[0], search.request)
            url += f"#alternative-{alternative.slug}"
            detail = _("Remplace %(services)s") % {
                "services": ", ".join(service.name for service in services)
            }
        else:
            url = f"{catalogue.get_url(search.request)}#{alternative.category.slug}"
            detail = alternative.category.name
        results.append(
            Result(
                kind=ALTERNATIVE_KIND,
                title=alternative.name,
                url=url,
                summary=alternative.description,
                detail=detail,
                relevance=alternative.relevance,
            )
        )
    return results


SERVICE_KIND = ResultKind(
    slug="service",
    label=gettext_lazy("Remplacer un service"),
    plural=gettext_lazy("Services à remplacer"),
    order=10,
    find=services,
)
ALTERNATIVE_KIND = ResultKind(
    slug="alternative",
    label=gettext_lazy("Alternative libre"),
    plural=gettext_lazy("Alternatives libres"),
    order=20,
    find=alternatives,
)


def result_kinds():
    return [SERVICE_KIND, ALTERNATIVE_KIND]
