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

from django.db.models import Count, F, Q, prefetch_related_objects
from django.db.models.functions import Lower

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
    """Live providers of a published alternative to this service, from three queries whatever
    their number: hosts, trainers and advisers, and for each alternative (by id) who offers it."""
    rows = (
        ProviderPage.objects.live()
        .public()
        .filter(tools__replaces=service, tools__live=True)
        .annotate(
            alternative_id=F("tools"),
            alternative_slug=F("tools__slug"),
            alternative_name=F("tools__name"),
            alternative_hostable=F("tools__self_hostable"),
        )
        .select_related("logo")
        .order_by("title", "pk")
    )
    providers, by_alternative, alternatives = {}, defaultdict(list), {}
    for row in rows:
        by_alternative[row.alternative_id].append(providers.setdefault(row.pk, row))
        alternatives[row.alternative_id] = row
    prefetch_related_objects(list(providers.values()), "offerings", "regions", "departments")
    base = _directory_url(request) if providers else ""
    hosts, helpers, hosted = _split(providers, by_alternative, alternatives)
    return {
        "service_hosts": hosts[:MAX_PROVIDERS_PER_SECTION],
        "more_service_hosts": len(hosts) > MAX_PROVIDERS_PER_SECTION,
        "service_helpers": helpers[:MAX_PROVIDERS_PER_SECTION],
        "more_service_helpers": len(helpers) > MAX_PROVIDERS_PER_SECTION,
        "directory_url": base,
        "hosting_links": [
            DirectoryLink(row.alternative_name, _filtered(base, row.alternative_slug, HOSTING))
            for row in sorted(hosted, key=lambda row: row.alternative_name.lower())
        ]
        if base
        else [],
        "offered_by": {
            pk: OfferedBy(
                listed[:MAX_PROVIDERS_PER_ALTERNATIVE],
                max(len(listed) - MAX_PROVIDERS_PER_ALTERNATIVE, 0),
                _filtered(base, alternatives[pk].alternative_slug) if base else "",
            )
            for pk, listed in by_alternative.items()
        },
    }


def _split(providers, by_alternative, alternatives):
    """Hosts (hosting prestation and a hostable alternative), helpers (everyone else: their
    card lists what they do), and the hostable alternatives that at least one host offers.

    Each provider is listed once: a host that also trains shows it on its card's prestations."""
    host_pks, hosted = set(), {}
    for pk, listed in by_alternative.items():
        if not alternatives[pk].alternative_hostable:
            continue
        for provider in listed:
            if HOSTING in _offering_slugs(provider):
                hosted[pk] = alternatives[pk]
                host_pks.add(provider.pk)
    hosts = [provider for pk, provider in providers.items() if pk in host_pks]
    helpers = [provider for pk, provider in providers.items() if pk not in host_pks]
    return hosts, helpers, list(hosted.values())


def _offering_slugs(provider):
    return {offering.slug for offering in provider.offerings.all()}


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
