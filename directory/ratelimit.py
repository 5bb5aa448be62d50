"""A per-IP limit on public form submissions, kept in the shared cache."""

from django.conf import settings
from django.core.cache import cache

DEFAULT_LIMIT = 5
DEFAULT_PERIOD_SECONDS = 3600


def client_ip(request):
    """The address the request came from; behind a proxy, set it from X-Forwarded-For there."""
    return request.META.get("REMOTE_ADDR", "")


def too_many_attempts(request, scope):
    """Count this submission; True once the address went over the limit for the period."""
    limit = getattr(settings, "DIRECTORY_FORM_RATE_LIMIT", DEFAULT_LIMIT)
    period = getattr(settings, "DIRECTORY_FORM_RATE_PERIOD", DEFAULT_PERIOD_SECONDS)
    key = f"directory:rate:{scope}:{client_ip(request)}"
    cache.add(key, 0, timeout=period)
    try:
        attempts = cache.incr(key)
    except ValueError:  # the entry expired between add() and incr()
        cache.set(key, 1, timeout=period)
        attempts = 1
    return attempts > limit
