"""The e-mails of the webinars section, all queued through the outbox.

None of them repeats what a visitor typed (name, association): the form can be filled with
anyone's address, so the only words in an e-mail are ours and the webinar's.
"""

from django.utils.translation import gettext as _

from outbox.mail import queue_templated_email
from webinars.calendar import webinars_calendar
from webinars.models import CONFIRMATION_HOURS, RegistrationStatus, ReminderKind
from webinars.tokens import cancel_token, confirmation_token


def _link(registration, route, token, request=None):
    webinar = registration.webinar
    path = webinar.reverse_subpage(route, kwargs={"token": token})
    return webinar.get_full_url(request) + path


def confirm_url(registration, request=None):
    return _link(registration, "confirm", confirmation_token(registration), request)


def cancel_url(registration, request=None):
    return _link(registration, "cancel", cancel_token(registration), request)


def _details(registration, request=None):
    webinar = registration.webinar
    return {
        "webinar": webinar,
        "start": webinar.start_in_paris,
        "end": webinar.end_in_paris,
        "page_url": webinar.get_full_url(request),
    }


def _context(registration, request=None):
    return {
        **_details(registration, request),
        "cancel_url": cancel_url(registration, request),
        "join_url": (
            registration.webinar.join_url
            if registration.status == RegistrationStatus.CONFIRMED
            else ""
        ),
    }


def _ics_attachment(registration, request=None):
    webinar = registration.webinar
    content = webinars_calendar([webinar], request=request, with_join_url=True)
    return {
        "filename": f"{webinar.slug}.ics",
        "content": content.decode(),
        "mimetype": "text/calendar",
    }


def send_confirmation_request(registration, *, request=None):
    """The only e-mail the form sends to a new address: a link to confirm, nothing booked yet."""
    return queue_templated_email(
        [registration.email],
        _("Confirmez votre inscription : %s") % registration.webinar.title,
        "webinar_confirm_request",
        {
            **_details(registration, request),
            "confirm_url": confirm_url(registration, request),
            "hours": CONFIRMATION_HOURS,
        },
    )


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
