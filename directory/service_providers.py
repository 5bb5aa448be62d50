"""What the directory shows on a catalogue "Remplacer …" page: who offers the alternatives."""

from directory.models import ProviderPage

MAX_PROVIDERS_PER_SERVICE = 6


def providers_for_service(service, request):
    """Live providers that host or support a published alternative to this service."""
    providers = list(
        ProviderPage.objects.live()
        .public()
        .filter(tools__replaces=service, tools__live=True)
        .distinct()
        .order_by("title")
        .select_related("logo")
        .prefetch_related("services", "regions", "departments")[: MAX_PROVIDERS_PER_SERVICE + 1]
    )
    return {
        "service_providers": providers[:MAX_PROVIDERS_PER_SERVICE],
        "more_service_providers": len(providers) > MAX_PROVIDERS_PER_SERVICE,
    }
