"""A provider's contact request: stored, then e-mailed through the outbox (form in views)."""

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from outbox.mail import queue_templated_email


def retention_months():
    """How long contact requests are kept; `purge_contact_requests` deletes older ones."""
    return settings.DIRECTORY_CONTACT_RETENTION_MONTHS


@transaction.atomic
def send_contact_request(provider, form):
    """Store the request first; the e-mail is queued only once the row exists."""
    contact_request = form.save(commit=False)
    contact_request.provider = provider
    contact_request.save()
    form.save_m2m()
    contact_request.email_message = queue_templated_email(
        [provider.contact_email],
        _("Demande de contact de %(association)s via Emancip'Asso")
        % {"association": " ".join(contact_request.association_name.split())},
        "directory_contact_request",
        {"provider": provider, "request": contact_request},
        reply_to=[contact_request.email],
    )
    contact_request.save(update_fields=["email_message"])
    return contact_request
