"""Registering, cancelling and promoting from the waiting list: rows first, then e-mails."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from webinars import notifications
from webinars.models import Registration, RegistrationStatus, WebinarPage


@dataclass(frozen=True)
class BookingResult:
    registration: Registration
    created: bool

    @property
    def waiting(self):
        return self.registration.status == RegistrationStatus.WAITING


def _lock(webinar):
    """Serialise bookings of one webinar, so two people never take the last place together."""
    list(
        WebinarPage.objects.select_for_update(of=("self",))
        .filter(pk=webinar.pk)
        .values_list("pk", flat=True)
    )


def _has_free_place(webinar):
    if webinar.capacity is None:
        return True
    return webinar.confirmed_registrations().count() < webinar.capacity


def fill_free_places(webinar, *, request=None):
    """Move people from the waiting list, oldest first, into the places that are free."""
    if timezone.now() >= webinar.start:
        return []
    waiting = webinar.registrations.filter(status=RegistrationStatus.WAITING).order_by(
        "created_at", "pk"
    )
    if webinar.capacity is not None:
        free = webinar.capacity - webinar.confirmed_registrations().count()
        waiting = waiting[: max(free, 0)]
    promoted = list(waiting)
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.promoted_at = timezone.now()
        registration.save(update_fields=["status", "promoted_at"])
        notifications.send_promotion(registration, request=request)
    return promoted


def fill_after_edit(webinar):
    """Editors may add places or remove the limit: the people waiting get them at once."""
    with transaction.atomic():
        _lock(webinar)
        return fill_free_places(webinar)


def register(webinar, *, name, email, organisation, request=None):
    """Store the registration (or find the existing one), then queue its e-mail."""
    with transaction.atomic():
        _lock(webinar)
        fill_free_places(webinar, request=request)
        registration = Registration.objects.filter(webinar=webinar, email=email).first()
        created = registration is None
        if registration is not None and registration.status != RegistrationStatus.CANCELLED:
            notifications.send_registration(registration, request=request)
            return BookingResult(registration, created=False)
        status = (
            RegistrationStatus.CONFIRMED if _has_free_place(webinar) else RegistrationStatus.WAITING
        )
        if registration is None:
            registration = Registration(webinar=webinar, email=email)
        registration.name = name
        registration.organisation = organisation
        registration.consent = True
        registration.status = status
        registration.cancelled_at = None
        registration.save()
        notifications.send_registration(registration, request=request)
    return BookingResult(registration, created=created)


def cancel(registration, *, request=None):
    """Cancel, and give the freed place to the first person waiting; False if already cancelled."""
    with transaction.atomic():
        _lock(registration.webinar)
        registration.refresh_from_db()
        if registration.status == RegistrationStatus.CANCELLED:
            return False
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        fill_free_places(registration.webinar, request=request)
    return True
