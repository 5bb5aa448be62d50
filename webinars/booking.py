"""Requesting, confirming, cancelling and promoting from the waiting list: rows first, then e-mails.

The form only records a request (`request_registration`); a seat or a waiting-list place is
taken when the address owner opens the e-mailed link and confirms (`confirm`), so invented
addresses never fill a webinar.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from webinars import notifications
from webinars.models import Registration, RegistrationStatus, WebinarPage


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
    """Move people from the waiting list, first confirmed first, into the places that are free."""
    if timezone.now() >= webinar.start:
        return []
    waiting = webinar.registrations.filter(status=RegistrationStatus.WAITING).order_by(
        "confirmed_at", "pk"
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


def request_registration(webinar, *, name, email, organisation, request=None):
    """Record a request and write to the address, at most once a day for one webinar.

    A new request (or one after a cancellation or a lapsed link) gets a confirmation link;
    someone already registered gets their confirmation again. Returns the queued e-mail, or
    None when the address already had one today; the caller answers the same either way,
    so the form never tells whether an address is registered.
    """
    with transaction.atomic():
        _lock(webinar)
        registration = Registration.objects.filter(webinar=webinar, email=email).first()
        now = timezone.now()
        if registration is not None and not registration.may_email_from_form(now):
            return None
        if registration is not None and registration.status in (
            RegistrationStatus.CONFIRMED,
            RegistrationStatus.WAITING,
        ):
            registration.emailed_at = now
            registration.save(update_fields=["emailed_at"])
            return notifications.send_registration(registration, request=request)
        if registration is None:
            registration = Registration(webinar=webinar, email=email)
        registration.name = name
        registration.organisation = organisation
        registration.consent = True
        registration.status = RegistrationStatus.PENDING
        registration.emailed_at = now
        registration.confirmed_at = None
        registration.promoted_at = None
        registration.cancelled_at = None
        registration.save()
        return notifications.send_confirmation_request(registration, request=request)


def confirm(registration, *, request=None):
    """Take a seat, or a place on the waiting list; False if the request is no longer pending."""
    with transaction.atomic():
        _lock(registration.webinar)
        registration.refresh_from_db()
        if not registration.is_pending or registration.request_expired():
            return False
        fill_free_places(registration.webinar, request=request)
        registration.status = (
            RegistrationStatus.CONFIRMED
            if _has_free_place(registration.webinar)
            else RegistrationStatus.WAITING
        )
        registration.confirmed_at = timezone.now()
        registration.save(update_fields=["status", "confirmed_at"])
        notifications.send_registration(registration, request=request)
    return True


@dataclass(frozen=True)
class Cancellation:
    """What a cancellation did, so the page says only what happened."""

    cancelled: bool
    place_passed_on: bool = False


def cancel(registration, *, request=None):
    """Cancel, and give the freed place to the first person waiting, if anyone waits."""
    with transaction.atomic():
        _lock(registration.webinar)
        registration.refresh_from_db()
        if registration.status == RegistrationStatus.CANCELLED:
            return Cancellation(cancelled=False)
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        promoted = fill_free_places(registration.webinar, request=request)
    return Cancellation(cancelled=True, place_passed_on=bool(promoted))
