"""The e-mails of the webinars section, all queued through the outbox."""

from django.utils.translation import gettext as _

from outbox.mail import queue_templated_email
from webinars.calendar import webinars_calendar
from webinars.models import RegistrationStatus, ReminderKind
from webinars.tokens import cancel_token


def cancel_url(registration, request=None):
    webinar = registration.webinar
    path = webinar.reverse_subpage("cancel", kwargs={"token": cancel_token(registration)})
    return webinar.get_full_url(request) + path


def _context(registration, request=None):
    webinar = registration.webinar
    return {
        "registration": registration,
        "webinar": webinar,
        "start": webinar.start_in_paris,
        "end": webinar.end_in_paris,
        "page_url": webinar.get_full_url(request),
        "cancel_url": cancel_url(registration, request),
        "join_url": webinar.join_url if registration.status == RegistrationStatus.CONFIRMED else "",
    }


def _ics_attachment(registration, request=None):
    webinar = registration.webinar
    content = webinars_calendar([webinar], request=request, with_join_url=True)
    return {
        "filename": f"{webinar.slug}.ics",
        "content": content.decode(),
        "mimetype": "text/calendar",
    }


def send_registration(registration, *, request=None):
    """Confirmation with the .ics, or the notice of a place on the waiting list."""
    webinar = registration.webinar
    if registration.status == RegistrationStatus.WAITING:
        return queue_templated_email(
            [registration.email],
            _("Liste d'attente : %s") % webinar.title,
            "webinar_waiting_list",
            _context(registration, request),
        )
    return queue_templated_email(
        [registration.email],
        _("Inscription confirmée : %s") % webinar.title,
        "webinar_registration_confirmed",
        _context(registration, request),
        attachments=[_ics_attachment(registration, request)],
    )


def send_promotion(registration, *, request=None):
    return queue_templated_email(
        [registration.email],
        _("Une place s'est libérée : %s") % registration.webinar.title,
        "webinar_promoted",
        _context(registration, request),
        attachments=[_ics_attachment(registration, request)],
    )


def send_reminder(registration, kind):
    webinar = registration.webinar
    subject = (
        _("Demain : %s") if kind == ReminderKind.DAY_BEFORE else _("Dans une heure : %s")
    ) % webinar.title
    context = {
        **_context(registration),
        "kind": kind,
        "day_before": kind == ReminderKind.DAY_BEFORE,
    }
    return queue_templated_email([registration.email], subject, "webinar_reminder", context)
