"""What every public form shares against abuse: plain text, a honeypot, rate limits, methods.

Robots fill every field they find: a field people are told to leave empty catches them.
Rate limits count per visitor (home.client_address.client_ip through RATELIMIT_IP_META_KEY,
IPv6 addresses grouped by /64) in the default cache, shared by every process, with
django-ratelimit. Only valid submissions count against PUBLIC_FORM_SUBMISSION_RATE, so
someone who mistypes is never locked out; every POST counts against PUBLIC_FORM_POST_RATE,
which stops robots sending junk without end.
"""

import math
import re
from functools import wraps

from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest, HttpResponseNotAllowed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django_ratelimit.core import get_usage

HONEYPOT_FIELD = "site_web"
UNREADABLE = "\ufffd"  # what Django puts in place of bytes that are not valid UTF-8
RATE_LIMITED = "rate_limited"
FORM_METHODS = ("GET", "HEAD", "POST")
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


def reject_markup(value):
    """Plain text only: a tag such as <script> is refused rather than silently stored."""
    if HTML_TAG.search(value or ""):
        raise ValidationError(
            _("Écrivez du texte simple, sans balise HTML comme <script> ou <a>."),
            code="markup",
        )


class ProtectedFormMixin:
    """Adds the honeypot to a public form; refuses a submission that filled it, or whose text
    arrived garbled (not UTF-8) rather than storing replacement characters."""

    honeypot_message = gettext_lazy(
        "Votre envoi a été bloqué car le champ « Ne pas remplir » contenait du texte. "
        "Videz-le puis envoyez à nouveau."
    )
    unreadable_message = gettext_lazy(
        "Certains caractères de ce champ n'ont pas pu être lus (ils ne sont pas codés en "
        "UTF-8). Retapez ce texte puis envoyez à nouveau."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=gettext_lazy("Ne pas remplir (ce champ sert à bloquer les robots)"),
            required=False,
            max_length=200,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT_FIELD):
            raise ValidationError(self.honeypot_message, code="honeypot")
        for name, value in list(cleaned.items()):
            if isinstance(value, str) and UNREADABLE in value:
                self.add_error(name, ValidationError(self.unreadable_message, code="encoding"))
        return cleaned

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]

    @property
    def visible_fields_without_honeypot(self):
        return [field for field in self if field.name != HONEYPOT_FIELD]


def _count(request, scope, kind, rate):
    """Count this request in one of the visitor's counters; None when rate limits are off."""
    return get_usage(
        request, group=f"public-form:{scope}:{kind}", key="ip", rate=rate, increment=True
    )


def _refuse(form, usage):
    minutes = max(1, math.ceil(usage["time_left"] / 60))
    message = ngettext(
        "Vous avez fait beaucoup d'envois en peu de temps. Pour limiter les abus, "
        "réessayez dans %(minutes)s minute.",
        "Vous avez fait beaucoup d'envois en peu de temps. Pour limiter les abus, "
        "réessayez dans %(minutes)s minutes.",
        minutes,
    ) % {"minutes": minutes}
    form.add_error(None, ValidationError(message, code=RATE_LIMITED))
    return False


def accept_submission(request, form, scope):
    """Validate a posted public form within the visitor's limits for `scope`.

    True when the caller may store it; False leaves the reason on the form (field errors,
    the honeypot, or the rate limit).
    """
    posts = _count(request, scope, "posts", settings.PUBLIC_FORM_POST_RATE)
    if posts is not None and posts["should_limit"]:
        return _refuse(form, posts)
    if not form.is_valid():
        return False
    submissions = _count(request, scope, "submissions", settings.PUBLIC_FORM_SUBMISSION_RATE)
    if submissions is not None and submissions["should_limit"]:
        return _refuse(form, submissions)
    return True


def response_status(form):
    """429 Too Many Requests when the rate limit refused the form, so clients see a throttle."""
    return 429 if form.has_error(NON_FIELD_ERRORS, RATE_LIMITED) else 200


def public_form_view(view):
    """GET shows a public form, POST sends it: any other method gets a 405 explained in French.

    Works for a view function and for a page route, wherever the request is in the arguments.
    """

    @wraps(view)
    def wrapped(*args, **kwargs):
        request = next(arg for arg in args if isinstance(arg, HttpRequest))
        if request.method not in FORM_METHODS:
            return HttpResponseNotAllowed(
                FORM_METHODS,
                _("Cette adresse sert seulement à afficher un formulaire et à l'envoyer."),
                content_type="text/plain; charset=utf-8",
            )
        return view(*args, **kwargs)

    return wrapped
