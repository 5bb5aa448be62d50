"""Template tags other apps use to point into the directory."""

from django import template

from directory.models import ProviderPage

register = template.Library()

MAX_PROVIDERS_PER_SERVICE = 6


@register.inclusion_tag("pages/directory/includes/service_providers.html", takes_context=True)
def providers_for_service(context, service):
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
        "request": context.get("request"),
        "service": service,
        "providers": providers[:MAX_PROVIDERS_PER_SERVICE],
        "has_more": len(providers) > MAX_PROVIDERS_PER_SERVICE,
    }
