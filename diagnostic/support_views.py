"""What a result's two forms do: send the plan to one address once, or send it to 1–3 providers.

Both POST from the result page and carry its answers (diagnostic.support_forms). A mistake
shows the result again, with the form and its French errors where it was, and nothing stored
or sent. Once accepted, the browser is sent to `demande-envoyee/`, whose signed parameter says
what was sent without a cookie and without letting anyone make up a confirmation.
"""

from urllib.parse import urlencode

from django.core import signing
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from directory.contact import retention_months, send_support_request
from directory.models import ProviderPage
from home.form_protection import accept_submission, public_form_view, response_status
from home.routes import serves
from outbox.mail import queue_templated_email

from .matching import match_providers
from .models import DiagnosticPage
from .result import build_result
from .support_forms import ANSWERS_FIELD, PlanByEmailForm, SupportRequestForm, result_form
from .views import answers_stay_private, base_context

SENT_SALT = "diagnostic.support.sent"
SENT_MAX_AGE = 2 * 24 * 3600  # a confirmation link is worth keeping open for a day or two
PLAN_SENT, REQUEST_SENT = "plan", "demande"


def posted_result(request):
    """The diagnostic form read from the answers posted with a result's form."""
    return result_form(request.POST.get(ANSWERS_FIELD, ""))


def absolute(page, route=None, query=""):
    """A link for an e-mail, from the site's configured address (never the request's Host)."""
    return page.full_url + (page.reverse_subpage(route) if route else "") + query


def result_again(request, page, diagnostic, status, **forms):
    """The result again, with the posted form (bound, with its errors) in place.

    Answers without any known tool give no result to show the form under: a short page says
    so and leads back to the diagnostic."""
    if not diagnostic.is_answered:
        return TemplateResponse(
            request, "pages/diagnostic/support/no_answers.html", {"page": page}, status=400
        )
    context = base_context(page, diagnostic)
    context.update(build_result(page, diagnostic.answers()))
    context.update(forms)
    response = page.render(request, context_overrides=context)
    response.status_code = status
    return response


def redirect_to_result(request, page):
    """GET on a form's address: the forms live under the result, so show the result."""
    return redirect(page.url + ("?" + request.GET.urlencode() if request.GET else ""))


def sent_url(page, kind, query, providers=()):
    """The confirmation's address; its signed parameter says what was sent, and to whom."""
    token = signing.dumps(
        {"k": kind, "q": query, "p": [provider.pk for provider in providers]},
        salt=SENT_SALT,
        compress=True,
    )
    return page.url + page.reverse_subpage("support_sent") + "?" + urlencode({"d": token})


def plan_for_providers(answers, result_url):
    """The plan stored with each request for support and laid out for the provider."""
    return {
        "summary": answers.summary(),
        "tools": [service.name for service in answers.services],
        "area": answers.area_label(),
        "size": answers.size,
        "means": answers.means,
        "wishes": list(answers.wishes),
        "result_url": result_url,
    }


@serves(DiagnosticPage, "send_plan")
@public_form_view
def send_plan(request, page):
    """The plan by e-mail to one address, which the outbox erases once it is sent."""
    if request.method != "POST":
        return redirect_to_result(request, page)
    diagnostic = posted_result(request)
    answers = diagnostic.answers()
    form = PlanByEmailForm(answers, request.POST)
    if not accept_submission(request, form, "diagnostic-plan"):
        return result_again(request, page, diagnostic, response_status(form), plan_form=form)
    query = answers.query_string()
    result = build_result(page, answers)
    queue_templated_email(
        [form.cleaned_data["email"]],
        _("Votre plan pour passer au libre (Emancip'Asso)"),
        "diagnostic_plan",
        {
            "answers": answers,
            "summary": answers.summary(),
            "result_url": absolute(page, query=query),
            "print_url": absolute(page, "print", query),
            "kit_url": absolute(page, "board_kit", query),
            **result,
        },
        forget_recipients=True,
    )
    return redirect(sent_url(page, PLAN_SENT, query))


@serves(DiagnosticPage, "ask_help")
@public_form_view
def ask_help(request, page):
    """One request for support, with the plan, to each of 1 to 3 matched providers."""
    if request.method != "POST":
        return redirect_to_result(request, page)
    diagnostic = posted_result(request)
    answers = diagnostic.answers()
    form = SupportRequestForm(answers, match_providers(answers), request.POST)
    if not accept_submission(request, form, "diagnostic-support"):
        return result_again(request, page, diagnostic, response_status(form), support_form=form)
    query = answers.query_string()
    providers = form.chosen_providers()
    send_support_request(
        providers,
        association_name=form.cleaned_data["association_name"],
        email=form.cleaned_data["email"],
        message=form.cleaned_data["message"],
        plan=plan_for_providers(answers, absolute(page, query=query)),
        region=answers.region,
    )
    return redirect(sent_url(page, REQUEST_SENT, query, providers))


@serves(DiagnosticPage, "support_sent")
@answers_stay_private
def support_sent(request, page):
    """The confirmation: what was sent, and to whom, as the signed parameter says."""
    try:
        sent = signing.loads(request.GET.get("d", ""), salt=SENT_SALT, max_age=SENT_MAX_AGE)
    except signing.BadSignature:
        return redirect(page.url)
    providers = ProviderPage.objects.live().public().filter(pk__in=sent.get("p", []))
    return TemplateResponse(
        request,
        "pages/diagnostic/support/sent.html",
        {
            "page": page,
            "kind": sent.get("k"),
            "providers": providers.order_by("title"),
            "result_url": page.url + str(sent.get("q", "")),
            "retention_months": retention_months(),
        },
    )
