"""How long registrations are kept: personal data goes once the webinar is well past, and an
unconfirmed request as soon as its link has lapsed."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from webinars.models import CONFIRMATION_WINDOW, Registration, RegistrationStatus


def retention_days():
    """`WEBINAR_REGISTRATION_RETENTION_DAYS`: how long after a webinar its registrations stay."""
    return settings.WEBINAR_REGISTRATION_RETENTION_DAYS


def _deleted(queryset):
    _, per_model = queryset.delete()
    return per_model.get(Registration._meta.label, 0)


def purge_old_registrations(days=None, now=None):
    """Delete registrations of webinars that ended over `days` days ago; returns how many."""
    days = retention_days() if days is None else days
    cutoff = (now or timezone.now()) - timedelta(days=days)
    return _deleted(Registration.objects.filter(webinar__ends_at__lt=cutoff))


def purge_unconfirmed_requests(now=None):
    """Delete pending requests whose confirmation link has expired; returns how many."""
    cutoff = (now or timezone.now()) - CONFIRMATION_WINDOW
    lapsed = Q(emailed_at__lte=cutoff) | Q(emailed_at__isnull=True)
    return _deleted(Registration.objects.filter(lapsed, status=RegistrationStatus.PENDING))
