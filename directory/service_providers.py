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

from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count, F, Q, Window, prefetch_related_objects
from django.db.models.functions import Lower, RowNumber

from catalogue.models import FreeAlternative
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
    """Who offers the live alternatives of this service, in five queries whatever their
    number: a few hosts, a few trainers and advisers (their cards), and for each alternative
    how many offer it and the first few by name."""
    listed = ProviderPage.objects.live().public()
    offers = ProviderPage.tools.through.objects.filter(
        freealternative__in=FreeAlternative.objects.live().filter(replaces=service),
        providerpage__in=listed,
    )
    hosting = ProviderPage.objects.filter(offerings__slug=HOSTING).values("pk")
    hosts = offers.filter(freealternative__self_hostable=True, providerpage__in=hosting)
    alternatives = list(
        offers.values("freealternative_id")
        .annotate(
            slug=F("freealternative__slug"),
            name=F("freealternative__name"),
            offered=Count("providerpage_id"),
            hosted=Count("providerpage_id", filter=Q(pk__in=hosts.values("pk"))),
        )
        .order_by(Lower("freealternative__name"))
    )
    if not alternatives:
        return {"offered_by": {}}
    card_ids = _first_hosts_and_helpers(listed, offers, hosts)
    first_few_ids = _first_few_per_alternative(listed, offers)
    pages = _pages({pk for pk, _ in card_ids} | {pk for pk, _ in first_few_ids})
    cards = [pages[pk] for pk, _ in card_ids]
    prefetch_related_objects(cards, "offerings", "regions", "departments")
    host_ids = {pk for pk, host in card_ids if host}
    first_few = defaultdict(list)
    for pk, alternative_id in first_few_ids:
        first_few[alternative_id].append(pages[pk])
    base = _directory_url(request)
    service_hosts = [card for card in cards if card.pk in host_ids]
    service_helpers = [card for card in cards if card.pk not in host_ids]
    return {
        "service_hosts": service_hosts[:MAX_PROVIDERS_PER_SECTION],
        "more_service_hosts": len(service_hosts) > MAX_PROVIDERS_PER_SECTION,
        "service_helpers": service_helpers[:MAX_PROVIDERS_PER_SECTION],
        "more_service_helpers": len(service_helpers) > MAX_PROVIDERS_PER_SECTION,
        "directory_url": base,
        "hosting_links": [
            DirectoryLink(row["name"], _filtered(base, row["slug"], HOSTING))
            for row in alternatives
            if row["hosted"]
        ]
        if base
        else [],
        "offered_by": {
            row["freealternative_id"]: OfferedBy(
                first_few[row["freealternative_id"]],
                max(row["offered"] - MAX_PROVIDERS_PER_ALTERNATIVE, 0),
                _filtered(base, row["slug"]) if base else "",
            )
            for row in alternatives
        },
    }


def _first_hosts_and_helpers(listed, offers, hosts):
    """(id, is a host) of the first hosts and the first others by title, one more of each
    than shown (to tell whether there are more), in two queries.

    A host offers the hosting prestation and a hostable alternative; each provider is listed
    once: a host that also trains shows it on its card's prestations."""
    host_ids = hosts.values("providerpage_id")
    first = MAX_PROVIDERS_PER_SECTION + 1
    by_title = listed.order_by("title", "pk").values_list("pk", flat=True)
    found_hosts = list(by_title.filter(pk__in=host_ids)[:first])
    found_helpers = list(
        by_title.filter(pk__in=offers.values("providerpage_id")).exclude(pk__in=host_ids)[:first]
    )
    return [(pk, True) for pk in found_hosts] + [(pk, False) for pk in found_helpers]


def _first_few_per_alternative(listed, offers):
    """(provider id, alternative id) of each alternative's first providers by title."""
    ranked = listed.filter(tools__in=offers.values("freealternative_id")).annotate(
        alternative_id=F("tools"),
        place=Window(
            RowNumber(), partition_by=[F("tools")], order_by=[F("title").asc(), F("pk").asc()]
        ),
    )
    return list(
        ranked.filter(place__lte=MAX_PROVIDERS_PER_ALTERNATIVE)
        .order_by("title", "pk")
        .values_list("pk", "alternative_id")
    )


def _pages(ids):
    """{id: provider page} with its logo, for these few ids."""
    return ProviderPage.objects.filter(pk__in=ids).select_related("logo").in_bulk()


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
    guide leads to (alternatives to its services, tools a testimony adopted) that a published
    provider offers, with how many offer it; two queries (the directory's page is cached)."""
    base = _directory_url(request)
    if not base:
        return {}
    providers = ProviderPage.objects.live().public().values("pk")
    tools = (
        FreeAlternative.objects.live()
        .filter(
            Q(pk__in=FreeAlternative.objects.filter(replaces__guides=guide).values("pk"))
            # "id", not "pk": a preview's guide holds its tools in a modelcluster list, which
            # knows only real field names.
            | Q(pk__in=guide.tools_after.values("id"))
        )
        .annotate(offered_by=Count("providers", filter=Q(providers__in=providers), distinct=True))
        .filter(offered_by__gt=0)
        .order_by(Lower("name"))
        .values_list("name", "slug", "offered_by")
    )
    return {
        "help_directory_url": base,
        "help_tools": [ToolHelp(name, count, _filtered(base, slug)) for name, slug, count in tools],
    }
