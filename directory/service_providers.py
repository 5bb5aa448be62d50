"""What the directory shows on a catalogue "Remplacer …" page: who offers the alternatives.

"Who offers this tool" is said on the provider's side only (`ProviderPage.tools`); the catalogue
receives it through its `catalogue_service_context` hook.
"""

from collections import defaultdict

from django.db.models import F, prefetch_related_objects

from directory.models import ProviderPage

MAX_PROVIDERS_PER_SERVICE = 6


def providers_for_service(service, request):
    """Live providers of a published alternative to this service, from one query: the first
    few for the providers' section, and for each alternative (by id) who offers it."""
    rows = (
        ProviderPage.objects.live()
        .public()
        .filter(tools__replaces=service, tools__live=True)
        .annotate(alternative_id=F("tools"))
        .select_related("logo")
        .order_by("title", "pk")
    )
    providers = {}
    offered_by = defaultdict(list)
    for row in rows:
        provider = providers.setdefault(row.pk, row)
        offered_by[row.alternative_id].append(provider)
    listed = list(providers.values())[:MAX_PROVIDERS_PER_SERVICE]
    prefetch_related_objects(listed, "offerings", "regions", "departments")
    return {
        "service_providers": listed,
        "more_service_providers": len(providers) > MAX_PROVIDERS_PER_SERVICE,
        "offered_by": dict(offered_by),
    }
