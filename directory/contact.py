"""The contact form of a provider profile: validate, store, then e-mail through the outbox."""

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from home.form_protection import accept_submission, public_form_view, response_status
from outbox.mail import queue_templated_email

from .forms import ContactForm

DEFAULT_RETENTION_MONTHS = 12


def retention_months():
    """How long contact requests are kept; `purge_contact_requests` deletes older ones."""
    return getattr(settings, "DIRECTORY_CONTACT_RETENTION_MONTHS", DEFAULT_RETENTION_MONTHS)


@public_form_view
def handle_contact_form(provider, request):
    form = ContactForm(request.POST if request.method == "POST" else None)
    if form.is_bound and accept_submission(request, form, "contact"):
        send_contact_request(provider, form)
        return redirect(provider.url + provider.reverse_subpage("contact_sent"))
    return TemplateResponse(
        request,
        "pages/directory/contact_form.html",
        {"page": provider, "form": form, "retention_months": retention_months()},
        status=response_status(form),
    )


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
