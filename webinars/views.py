"""What the webinar pages answer besides themselves: calendar files and registration.

They are kept apart from the page, which sets no cookie; the routes hand the request here
(see home.routes).

Registering takes two steps: the form records a request and e-mails a link (`register`); the
link opens a page whose button confirms (`confirm`): a GET never books anything, so mail
scanners that open links do not confirm on anyone's behalf. Cancel links work the same way.
"""

from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.utils import timezone

from home.form_protection import accept_submission, public_form_view, response_status
from home.routes import serves
from webinars import booking
from webinars.calendar import calendar_response, webinars_calendar
from webinars.feeds import WebinarsAtomFeed, WebinarsRssFeed
from webinars.forms import RegistrationForm
from webinars.models import CONFIRMATION_HOURS, WebinarIndexPage, WebinarPage
from webinars.retention import retention_days
from webinars.tokens import registration_to_cancel, registration_to_confirm

REGISTRATION_TEMPLATE = "pages/webinars/registration_form.html"
REGISTERED_TEMPLATE = "pages/webinars/registration_done.html"
CONFIRM_TEMPLATE = "pages/webinars/registration_confirm.html"
CANCEL_TEMPLATE = "pages/webinars/registration_cancel.html"


@serves(WebinarIndexPage, "feed")
def calendar_feed(request, index):
    """Upcoming webinars for calendar apps; a plain GET that sets no cookie."""
    upcoming = (
        WebinarPage.objects.child_of(index)
        .live()
        .public()
        .filter(ends_at__gt=timezone.now())
        .defer_streamfields()
        .order_by("start")
    )
    return calendar_response(
        webinars_calendar(upcoming, request=request), "webinaires.ics", as_attachment=False
    )


@serves(WebinarIndexPage, "upcoming")
def upcoming(request, index):
    """Every session to come, twelve at a time: the index shows only the soonest."""
    return index.render(request, listing="upcoming")


@serves(WebinarIndexPage, "rss_feed")
def rss_feed(request, index):
    """Every live webinar, newest announced first, for feed readers; no cookie set."""
    return WebinarsRssFeed()(request, index)


@serves(WebinarIndexPage, "atom_feed")
def atom_feed(request, index):
    return WebinarsAtomFeed()(request, index)


@serves(WebinarPage, "ics")
def calendar_file(request, webinar):
    """ "Ajouter à mon agenda": this one webinar as an .ics file, no cookie set."""
    return calendar_response(webinars_calendar([webinar], request=request), f"{webinar.slug}.ics")


def _render(request, webinar, template, status=200, **context):
    response = webinar.render(request, template=template, context_overrides=context)
    response.status_code = status
    return response


@serves(WebinarPage, "register")
@public_form_view
def register(request, webinar):
    if not webinar.uses_registration_form:
        return HttpResponseRedirect(webinar.external_registration_url)
    state = webinar.state
    form = None
    status = 200
    if state.accepts_registrations:
        form = RegistrationForm(
            request.POST if request.method == "POST" else None,
            retention_days=retention_days(),
        )
        if form.is_bound and accept_submission(request, form, "webinar-registration"):
            booking.request_registration(
                webinar, **form.cleaned_data_for_booking(), request=request
            )
            return redirect(webinar.url + webinar.reverse_subpage("registered"))
        status = response_status(form)
    return _render(request, webinar, REGISTRATION_TEMPLATE, status, form=form, state=state)


@serves(WebinarPage, "registered")
def registered(request, webinar):
    """The same page whether an e-mail left or not, so it never tells who is registered."""
    return _render(request, webinar, REGISTERED_TEMPLATE, hours=CONFIRMATION_HOURS)


@serves(WebinarPage, "confirm")
@public_form_view
def confirm(request, webinar, token):
    registration = registration_to_confirm(webinar, token)
    if registration is None:
        return _render(request, webinar, CONFIRM_TEMPLATE, 400, invalid_link=True)
    if registration.request_expired():
        return _render(
            request, webinar, CONFIRM_TEMPLATE, 410, expired=True, hours=CONFIRMATION_HOURS
        )
    if registration.is_pending and not webinar.state.accepts_registrations:
        return _render(request, webinar, CONFIRM_TEMPLATE, 410, closed=True)
    confirmed_now = False
    if request.method == "POST" and registration.is_pending:
        confirmed_now = booking.confirm(registration, request=request)
        registration.refresh_from_db()
    return _render(
        request,
        webinar,
        CONFIRM_TEMPLATE,
        registration=registration,
        confirmed_now=confirmed_now,
        state=webinar.state,
    )


@serves(WebinarPage, "cancel")
@public_form_view
def cancel(request, webinar, token):
    registration = registration_to_cancel(webinar, token)
    if registration is None:
        return _render(request, webinar, CANCEL_TEMPLATE, 400, invalid_link=True)
    if timezone.now() >= webinar.ends_at:
        return _render(request, webinar, CANCEL_TEMPLATE, 410, ended=True)
    cancellation = None
    if request.method == "POST":
        cancellation = booking.cancel(registration, request=request)
    return _render(
        request, webinar, CANCEL_TEMPLATE, registration=registration, cancellation=cancellation
    )
