"""Signed links in the webinar e-mails: confirm a request, cancel a registration.

No account is needed, an altered link is refused, and each link carries the moment it belongs
to (the request it confirms, the confirmation it cancels): once a registration is requested or
confirmed again, the links of its earlier life stop working.
"""

import binascii
from datetime import UTC

from django.core import signing
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from webinars.models import Registration

CONFIRM_SALT = "webinars.confirm-registration"
CANCEL_SALT = "webinars.cancel-registration"


def _stamp(moment):
    return moment.astimezone(UTC).isoformat() if moment else ""


def _token(registration, moment, salt):
    """The signed value, base64-encoded: page URLs only allow letters, digits, - and _."""
    value = signing.dumps([registration.pk, _stamp(moment)], salt=salt)
    return urlsafe_base64_encode(force_bytes(value))


def _registration(webinar, token, salt, moment_field):
    """The registration a link points to, or None when altered, foreign or out of date."""
    try:
        pk, stamp = signing.loads(force_str(urlsafe_base64_decode(token)), salt=salt)
    except (signing.BadSignature, ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        return None
    registration = (
        Registration.objects.filter(pk=pk, webinar=webinar).select_related("webinar").first()
    )
    if registration is None or not stamp or _stamp(getattr(registration, moment_field)) != stamp:
        return None
    return registration


def confirmation_token(registration):
    return _token(registration, registration.emailed_at, CONFIRM_SALT)


def registration_to_confirm(webinar, token):
    """Valid only for the request of the latest e-mail the form sent."""
    return _registration(webinar, token, CONFIRM_SALT, "emailed_at")


def cancel_token(registration):
    return _token(registration, registration.confirmed_at, CANCEL_SALT)


def registration_to_cancel(webinar, token):
    """Valid only for the registration as confirmed when the link was sent."""
    return _registration(webinar, token, CANCEL_SALT, "confirmed_at")
