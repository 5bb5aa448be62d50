"""Signed cancel links: no account needed, and an altered link is simply refused."""

import binascii

from django.core import signing
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from webinars.models import Registration

CANCEL_SALT = "webinars.cancel-registration"


def cancel_token(registration):
    """The signed value, base64-encoded: page URLs only allow letters, digits, - and _."""
    return urlsafe_base64_encode(force_bytes(signing.dumps(registration.pk, salt=CANCEL_SALT)))


def registration_from_token(webinar, token):
    """The registration a cancel link points to, or None when the link was altered."""
    try:
        pk = signing.loads(force_str(urlsafe_base64_decode(token)), salt=CANCEL_SALT)
    except (signing.BadSignature, ValueError, binascii.Error, UnicodeDecodeError):
        return None
    return Registration.objects.filter(pk=pk, webinar=webinar).select_related("webinar").first()
