"""Admin login lockout: django-axes counts failures per (username, address) and per address.

Axes locks the pair `username + client address` after `AXES_FAILURE_LIMIT` failures, so that
someone elsewhere cannot lock a provider out of its own account just by typing its username.
On its own that would let one address try a few passwords on every username (password
spraying): this handler also locks an address once it has failed
`LOGIN_FAILURE_LIMIT_PER_ADDRESS` times, whatever the usernames. Both counts only look at the
cool-off period, and a successful login clears the pair's count (`AXES_RESET_ON_SUCCESS`).
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


class PairAndAddressHandler(AxesDatabaseHandler):
    """Axes' database handler with a second, higher limit per client address."""

    def get_failures(self, request, credentials=None):
        failures = super().get_failures(request, credentials)
        from_address = AccessAttempt.objects.filter(
            ip_address=request.axes_ip_address,
            attempt_time__gte=get_cool_off_threshold(request),
        ).aggregate(total=Sum("failures_since_start"))["total"]
        if (from_address or 0) >= settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS:
            return max(failures, get_failure_limit(request, credentials))
        return failures
