"""Messages to providers, stored, then e-mailed through the outbox: a contact request from a
provider's profile (form in views), or a request for support with the association's plan."""

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from outbox.mail import queue_templated_email

from .models import ContactRequest


def retention_months():
    """How long contact requests are kept; `purge_contact_requests` deletes older ones."""
    return settings.DIRECTORY_CONTACT_RETENTION_MONTHS


def _email_provider(contact_request, subject, template, **context):
    """Queue the e-mail of a stored request to its provider, answers going to the sender."""
    provider = contact_request.provider
    contact_request.email_message = queue_templated_email(
        [provider.contact_email],
        subject,
        template,
        {"provider": provider, "request": contact_request, **context},
        reply_to=[contact_request.email],
    )
    contact_request.save(update_fields=["email_message"])


@transaction.atomic
def send_contact_request(provider, form):
    """Store the request first; the e-mail is queued only once the row exists."""
    contact_request = form.save(commit=False)
    contact_request.provider = provider
    contact_request.save()
    form.save_m2m()
    _email_provider(
        contact_request,
        _("Demande de contact de %(association)s via Emancip'Asso")
        % {"association": " ".join(contact_request.association_name.split())},
        "directory_contact_request",
    )
    queue_templated_email(
        [contact_request.email],
        _("Copie de votre message à %(provider)s via Emancip'Asso") % {"provider": provider.title},
        "directory_contact_request_copy",
        {
            "provider": provider,
            "request": contact_request,
            "retention_months": retention_months(),
        },
    )
    return contact_request


@transaction.atomic
def send_support_request(providers, *, association_name, email, message, plan, region=None):
    """One request per provider, each e-mailed to it with the plan, then a copy to the sender.

    `plan` is what the association's answers say, as the diagnostic lays it out (see
    `ContactRequest.plan_rows`); it is stored with each request so the provider reads it in its
    admin space. Everything happens in one transaction: all requests and e-mails, or none.
    """
    providers = list(providers)
    association = " ".join(association_name.split())
    requests = []
    for provider in providers:
        support_request = ContactRequest.objects.create(
            provider=provider,
            association_name=association_name,
            email=email,
            region=region,
            message=message,
            consent=True,
            plan=plan,
        )
        _email_provider(
            support_request,
            _("Demande d'accompagnement de %(association)s via Emancip'Asso")
            % {"association": association},
            "directory_support_request",
            others=len(providers) - 1,
        )
        requests.append(support_request)
    queue_templated_email(
        [email],
        _("Copie de votre demande d'accompagnement via Emancip'Asso"),
        "directory_support_request_copy",
        {
            "association_name": association_name,
            "message": message,
            "requests": requests,
            "plan_rows": requests[0].plan_rows if requests else [],
            "result_url": requests[0].plan_result_url if requests else "",
            "retention_months": retention_months(),
        },
    )
    return requests
