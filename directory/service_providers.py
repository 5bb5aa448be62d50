"""What the directory shows on a catalogue "Remplacer …" page: who offers the alternatives.

"Who offers this tool" is said on the provider's side only (`ProviderPage.tools`); the catalogue
receives it through its `catalogue_service_context` hook.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import F, prefetch_related_objects

from directory.models import DirectoryIndexPage, ProviderPage

MAX_PROVIDERS_PER_SERVICE = 6
MAX_PROVIDERS_PER_ALTERNATIVE = 4


@dataclass(frozen=True)
class OfferedBy:
    """Who offers one alternative: the first few providers, how many more, where to see all."""

    providers: list
    more: int
    directory_url: str


def providers_for_service(service, request):
    """Live providers of a published alternative to this service, from one query: the first
    few for the providers' section, and for each alternative (by id) who offers it."""
    rows = (
        ProviderPage.objects.live()
        .public()
        .filter(tools__replaces=service, tools__live=True)
        .annotate(alternative_id=F("tools"), alternative_slug=F("tools__slug"))
        .select_related("logo")
        .order_by("title", "pk")
    )
    providers = {}
    by_alternative = defaultdict(list)
    slugs = {}
    for row in rows:
        by_alternative[row.alternative_id].append(providers.setdefault(row.pk, row))
        slugs[row.alternative_id] = row.alternative_slug
    listed = list(providers.values())[:MAX_PROVIDERS_PER_SERVICE]
    prefetch_related_objects(listed, "offerings", "regions", "departments")
    return {
        "service_providers": listed,
        "more_service_providers": len(providers) > MAX_PROVIDERS_PER_SERVICE,
        "offered_by": _offered_by(by_alternative, slugs, request),
    }


def _offered_by(by_alternative, slugs, request):
    """The first providers of each alternative; the directory filtered by the tool for more."""
    directory = DirectoryIndexPage.objects.live().first() if by_alternative else None
    base = directory.get_url(request) if directory else ""
    return {
        pk: OfferedBy(
            providers[:MAX_PROVIDERS_PER_ALTERNATIVE],
            max(len(providers) - MAX_PROVIDERS_PER_ALTERNATIVE, 0),
            f"{base}?outil={slugs[pk]}" if base else "",
        )
        for pk, providers in by_alternative.items()
    }
