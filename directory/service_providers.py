"""What the directory shows on the pages of lower apps, which do not import it: on a catalogue
"Remplacer …" page who hosts the alternatives, who trains and advises, and who offers each
alternative (`catalogue_service_context`); beside a guide, who can help with its tools
(`guide_page_context`). Both are registered in wagtail_hooks.

"Who offers this tool" is said on the provider's side only (`ProviderPage.tools`).

A host is a provider offering the hosting prestation for an alternative that can be hosted (a
mail server, not a mail client): it opens an account for the association, which is what someone
leaving Gmail is looking for. Everyone else who offers these tools (diagnosis, installation,
training) is listed apart, so that the two questions get two answers.
"""

from dataclasses import dataclass
from itertools import chain
from urllib.parse import urlencode

from django.db.models import Prefetch, Q, prefetch_related_objects
from django.db.models.functions import Lower
from wagtail.images.models import Rendition

from catalogue.models import FreeAlternative
from directory.listing_facts import OFFERING, TOOL
from directory.listing_index import listing_index
from directory.models import DirectoryIndexPage, ProviderPage
from home.sections import section_index

MAX_PROVIDERS_PER_SECTION = 6
MAX_PROVIDERS_PER_ALTERNATIVE = 4
HOSTING = "hebergement"


@dataclass(frozen=True)
class OfferedBy:
    """Who offers one alternative: the first few providers, how many more, where to see all."""

    providers: list
    more: int
    directory_url: str


@dataclass(frozen=True)
class DirectoryLink:
    """The directory filtered by one alternative (and a prestation), named by the alternative."""

    name: str
    url: str


def providers_for_service(service, request):
    """Who offers the live alternatives of this service, read off the directory's index (the
    listed providers' facts as bitsets, in the directory's order) in four queries whatever
    their number: the alternatives, then the cards of a few hosts, a few trainers and advisers,
    and each alternative's first few providers, with how many offer it."""
    index = listing_index()
    hosting = index.mask(OFFERING, index.fact_of(OFFERING, HOSTING))
    offered_by = {}
    for alternative in (
        FreeAlternative.objects.live().filter(replaces=service).order_by(Lower("name"))
    ):
        offered = index.mask(TOOL, str(alternative.pk))
        if offered:
            offered_by[alternative] = offered
    if not offered_by:
        return {"offered_by": {}}
    hostable = [alternative for alternative in offered_by if alternative.self_hostable]
    hosts = index.any_of(TOOL, [str(alternative.pk) for alternative in hostable]) & hosting
    others = index.any_of(TOOL, [str(alternative.pk) for alternative in offered_by]) & ~hosts
    first = MAX_PROVIDERS_PER_SECTION + 1
    host_ids = index.ids_of([hosts], slice(first))
    helper_ids = index.ids_of([others], slice(first))
    first_few_ids = {
        alternative: index.ids_of([offered], slice(MAX_PROVIDERS_PER_ALTERNATIVE))
        for alternative, offered in offered_by.items()
    }
    pages = _pages({*host_ids, *helper_ids, *chain.from_iterable(first_few_ids.values())})
    service_hosts = [pages[pk] for pk in host_ids]
    service_helpers = [pages[pk] for pk in helper_ids]
    prefetch_related_objects(service_hosts + service_helpers, "offerings", "regions", "departments")
    base = _directory_url(request)
    return {
        "service_hosts": service_hosts[:MAX_PROVIDERS_PER_SECTION],
        "more_service_hosts": len(service_hosts) > MAX_PROVIDERS_PER_SECTION,
        "service_helpers": service_helpers[:MAX_PROVIDERS_PER_SECTION],
        "more_service_helpers": len(service_helpers) > MAX_PROVIDERS_PER_SECTION,
        "directory_url": base,
        "hosting_links": [
            DirectoryLink(alternative.name, _filtered(base, alternative.slug, HOSTING))
            for alternative in hostable
            if offered_by[alternative] & hosting
        ]
        if base
        else [],
        "offered_by": {
            alternative.pk: OfferedBy(
                [pages[pk] for pk in first_few_ids[alternative]],
                max(offered.bit_count() - MAX_PROVIDERS_PER_ALTERNATIVE, 0),
                _filtered(base, alternative.slug) if base else "",
            )
            for alternative, offered in offered_by.items()
        },
    }


def _pages(ids):
    """{id: provider page} with its logo and the logo's renditions, for these few ids."""
    return (
        ProviderPage.objects.filter(pk__in=ids)
        .select_related("logo")
        .prefetch_related(Prefetch("logo__renditions", queryset=Rendition.objects.all()))
        .in_bulk()
    )


def _directory_url(request):
    directory = section_index(DirectoryIndexPage)
    return directory.get_url(request) if directory else ""


def _filtered(base, tool_slug, offering_slug=""):
    params = {"outil": tool_slug, **({"prestation": offering_slug} if offering_slug else {})}
    return f"{base}?{urlencode(params)}"


@dataclass(frozen=True)
class ToolHelp:
    """One tool of a guide and how many structures of the directory offer it."""

    name: str
    providers: int
    url: str


def who_can_help_with_a_guide(guide, request):
    """ "Qui peut aider ?" beside a guide: the directory filtered by each published tool the
    guide leads to (alternatives to its services, tools a testimony adopted) that a listed
    provider offers, with how many offer it (the directory's index counts them); one query."""
    base = _directory_url(request)
    if not base:
        return {}
    index = listing_index()
    tools = (
        FreeAlternative.objects.live()
        .filter(
            Q(pk__in=FreeAlternative.objects.filter(replaces__guides=guide).values("pk"))
            # "id", not "pk": a preview's guide holds its tools in a modelcluster list, which
            # knows only real field names.
            | Q(pk__in=guide.tools_after.values("id"))
        )
        .order_by(Lower("name"))
        .values_list("pk", "name", "slug")
    )
    counted = [(name, slug, index.mask(TOOL, str(pk)).bit_count()) for pk, name, slug in tools]
    return {
        "help_directory_url": base,
        "help_tools": [
            ToolHelp(name, count, _filtered(base, slug)) for name, slug, count in counted if count
        ],
    }
