"""What the diagnostic page answers: the form and its result, the board kit, the print view.

All three read the same GET parameters and store nothing. The result page does not repeat the
form: `?…&modifier=1` shows the form filled with the answers instead, so the result stays light.
A query string too long for Django (more fields than DATA_UPLOAD_MAX_NUMBER_FIELDS) is read up to
that limit instead of failing, and what could not be read is reported like any other ignored
value.

The answers are one association's: a page built from them is marked `private`, so that no
shared cache keeps it (home/page_cache.py), while the blank form is cached like any page.
"""

from functools import wraps

from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.http import QueryDict
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control

from home.routes import serves

from .forms import DiagnosticForm
from .models import DiagnosticPage
from .result import board_arguments, build_result

# The parameter that asks for the form, filled with the answers, instead of the result.
EDIT = "modifier"


def read_params(request):
    """request.GET, or its first fields when there are too many of them (a tampered URL)."""
    try:
        return request.GET, False
    except TooManyFieldsSent:
        limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS or 1000
        fields = request.META.get("QUERY_STRING", "").split("&")[:limit]
        return QueryDict("&".join(fields)), True


def answers_stay_private(view):
    """Marks the answer `private` when the address carries a query string (the answers)."""

    @wraps(view)
    def private_when_answered(request, page, *args, **kwargs):
        response = view(request, page, *args, **kwargs)
        if request.META.get("QUERY_STRING"):
            patch_cache_control(response, private=True)
        return response

    return private_when_answered


def diagnostic_form(request):
    params, truncated = read_params(request)
    form = DiagnosticForm(params)
    if truncated:
        form.ignored.append(("", "…"))
    return form


def board_draft(page, answers):
    """The decision draft with the association's tools in place of "[outils]"."""
    names = ", ".join(service.name for service in answers.services)
    return page.board_decision_draft.replace("[outils]", names or "[outils]")


def base_context(page, form):
    answers = form.answers()
    query = answers.query_string()
    return {
        "page": page,
        "form": form,
        "answers": answers,
        "query": query,
        "print_url": page.url + page.reverse_subpage("print") + query,
        "kit_url": page.url + page.reverse_subpage("board_kit") + query,
        "result_url": page.url + query,
        "edit_url": f"{page.url}{query}&{EDIT}=1" if query else page.url,
        "board_draft": board_draft(page, answers),
    }


@serves(DiagnosticPage, "diagnostic")
@answers_stay_private
def diagnostic(request, page):
    form = diagnostic_form(request)
    context = base_context(page, form)
    context["editing"] = form.is_answered and EDIT in form.data
    if form.is_answered and not context["editing"]:
        context.update(build_result(page, form.answers()))
    return page.render(request, context_overrides=context)


@serves(DiagnosticPage, "print")
@answers_stay_private
def print_view(request, page):
    """The plan alone, without the site's navigation, laid out for paper."""
    form = diagnostic_form(request)
    context = base_context(page, form)
    if form.is_answered:
        context.update(build_result(page, form.answers()))
    return TemplateResponse(request, "pages/diagnostic/print.html", context)


@serves(DiagnosticPage, "board_kit")
@answers_stay_private
def board_kit(request, page):
    """One printable page for the board: why change these tools, and the decision to adapt."""
    form = diagnostic_form(request)
    context = base_context(page, form)
    context["arguments"] = board_arguments(form.answers()) if form.is_answered else []
    return TemplateResponse(request, "pages/diagnostic/board_kit.html", context)
