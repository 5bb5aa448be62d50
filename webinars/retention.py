"""How long registrations are kept: personal data goes once the webinar is well past."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from webinars.models import Registration

DEFAULT_RETENTION_DAYS = 183  # about six months


def retention_days():
    """`WEBINAR_REGISTRATION_RETENTION_DAYS` in the settings, six months when unset."""
    return int(getattr(settings, "WEBINAR_REGISTRATION_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


def purge_old_registrations(days=None, now=None):
    """Delete registrations of webinars that ended over `days` days ago; returns how many."""
    days = retention_days() if days is None else days
    cutoff = (now or timezone.now()) - timedelta(days=days)
    _, per_model = Registration.objects.filter(webinar__ends_at__lt=cutoff).delete()
    return per_model.get(Registration._meta.label, 0)
