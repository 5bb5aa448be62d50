"""Providers in the site search, registered in wagtail_hooks (home.search's hook).

A provider is found by its own words (name, presentation, prestations, tools), and also when
the query names a service it helps to leave: "gmail" finds who offers an alternative to Gmail.
"""

from html import unescape

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from catalogue.models import FreeAlternative, ProprietaryService
from home.search import MAX_RESULTS, Result, ResultKind

from .listing_facts import TOOL
from .listing_index import listing_index
from .models import ProviderPage, StructureType


def where(fields):
    places = [fields["city"]] if fields["city"] else []
    if fields["remote"]:
        places.append(str(_("à distance")))
    return ", ".join(places)


def provider_result(page, fields, search):
    structure = fields["structure_type"]
    parts = [StructureType(structure).label if structure in StructureType else "", where(fields)]
    return Result(
        kind=PROVIDER_KIND,
        title=page.title,
        url=page.get_url(search.request),
        summary=fields["introduction"]
        or Truncator(unescape(strip_tags(fields["description"]))).words(40),
        detail=" · ".join(str(part) for part in parts if part),
        relevance=page.relevance,
        page_id=page.pk,
    )


def helping_to_leave_a_service(search):
    """Providers offering a published alternative to a service named as the query; they come
    after the providers the query's words find. The first MAX_RESULTS by title, read off the
    directory's index: at 10 000 providers, thousands offer an alternative to Gmail."""
    tools = FreeAlternative.objects.live().filter(
        replaces__in=ProprietaryService.objects.live().filter(name__iexact=search.query)
    )
    index = listing_index()
    offering = index.any_of(TOOL, [str(pk) for pk in tools.values_list("pk", flat=True)])
    ids = index.ids_of([offering], slice(MAX_RESULTS))
    providers = ProviderPage.objects.in_bulk(ids) if ids else {}
    hits = []
    for pk in ids:
        provider = providers[pk]
        provider.relevance = 0.0
        hits.append(search.page_hit(PROVIDER_KIND, provider))
    return hits


PROVIDER_KIND = ResultKind(
    slug="prestataire",
    label=_("Prestataire"),
    plural=_("Prestataires"),
    order=40,
    find=helping_to_leave_a_service,
    page_model=ProviderPage,
    page_fields=("introduction", "description", "structure_type", "city", "remote"),
    page_result=provider_result,
)


def result_kinds():
    return [PROVIDER_KIND]
