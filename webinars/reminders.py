"""Reminders the day before and one hour before; each is recorded so that none goes twice."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from webinars import notifications
from webinars.models import Registration, RegistrationStatus, ReminderKind, SentReminder

# Which reminder is due, by how far away the start is: (kind, from, to], closest window first.
WINDOWS = [
    (ReminderKind.HOUR_BEFORE, timedelta(0), timedelta(hours=1)),
    (ReminderKind.DAY_BEFORE, timedelta(hours=1), timedelta(hours=24)),
]


def due_reminders(now):
    """(registration, kind) pairs not sent yet; one hour before, the day-before one is skipped."""
    for kind, after, until in WINDOWS:
        registrations = (
            Registration.objects.filter(
                status=RegistrationStatus.CONFIRMED,
                webinar__live=True,
                webinar__start__gt=now + after,
                webinar__start__lte=now + until,
            )
            .exclude(reminders__kind=kind)
            .select_related("webinar")
            .order_by("webinar__start", "pk")
        )
        for registration in registrations:
            yield registration, kind


def send_due_reminders(now=None):
    """Record, then queue, each due reminder; returns how many were queued."""
    now = now or timezone.now()
    sent = 0
    for registration, kind in list(due_reminders(now)):
        try:
            with transaction.atomic():
                SentReminder.objects.create(registration=registration, kind=kind)
                notifications.send_reminder(registration, kind)
        except IntegrityError:  # another run recorded it first
            continue
        sent += 1
    return sent
