"""The registration and cancel routes of a webinar page, kept apart so the page sets no cookie."""

from django.http import HttpResponseRedirect
from django.shortcuts import redirect

from webinars import booking
from webinars.forms import RegistrationForm
from webinars.retention import retention_days
from webinars.tokens import registration_from_token

REGISTRATION_TEMPLATE = "pages/webinars/registration_form.html"
REGISTERED_TEMPLATE = "pages/webinars/registration_done.html"
CANCEL_TEMPLATE = "pages/webinars/registration_cancel.html"


def register(request, webinar):
    if not webinar.uses_registration_form:
        return HttpResponseRedirect(webinar.external_registration_url)
    state = webinar.state
    form = None
    if state.accepts_registrations:
        form = RegistrationForm(
            request.POST if request.method == "POST" else None,
            retention_days=retention_days(),
        )
        if form.is_bound and form.is_valid():
            result = booking.register(webinar, **form.cleaned_data_for_booking(), request=request)
            done_url = webinar.url + webinar.reverse_subpage("registered")
            return redirect(done_url + ("?attente=1" if result.waiting else ""))
    return webinar.render(
        request,
        template=REGISTRATION_TEMPLATE,
        context_overrides={"form": form, "state": state},
    )


def registered(request, webinar):
    return webinar.render(
        request,
        template=REGISTERED_TEMPLATE,
        context_overrides={"waiting": request.GET.get("attente") == "1"},
    )


def cancel(request, webinar, token):
    registration = registration_from_token(webinar, token)
    if registration is None:
        response = webinar.render(
            request, template=CANCEL_TEMPLATE, context_overrides={"invalid_link": True}
        )
        response.status_code = 400
        return response
    cancelled_now = False
    if request.method == "POST":
        cancelled_now = booking.cancel(registration, request=request)
    return webinar.render(
        request,
        template=CANCEL_TEMPLATE,
        context_overrides={"registration": registration, "cancelled_now": cancelled_now},
    )
