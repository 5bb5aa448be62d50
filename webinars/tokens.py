"""Signed cancel links: no account needed, and an altered link is simply refused."""

from django.core import signing

from webinars.models import Registration

CANCEL_SALT = "webinars.cancel-registration"


def cancel_token(registration):
    return signing.dumps(registration.pk, salt=CANCEL_SALT)


def registration_from_token(webinar, token):
    """The registration a cancel link points to, or None when the link was altered."""
    try:
        pk = signing.loads(token, salt=CANCEL_SALT)
    except signing.BadSignature:
        return None
    return Registration.objects.filter(pk=pk, webinar=webinar).select_related("webinar").first()
