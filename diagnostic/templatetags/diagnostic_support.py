"""The forms under a result: the ones just posted (with their errors), or fresh ones."""

from django import template

from diagnostic.support_forms import MAX_PROVIDERS, PlanByEmailForm, SupportRequestForm
from directory.contact import retention_months

register = template.Library()


@register.inclusion_tag("pages/diagnostic/support/actions.html", takes_context=True)
def result_actions(context):
    """The result view renders the page without these forms; a failed POST passes its own."""
    page, answers, query = context["page"], context["answers"], context["query"]
    initial = {"reponses": query}
    matches = context["proposal"].matches
    return {
        "page": page,
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "plan_form": context.get("plan_form") or PlanByEmailForm(answers, initial=initial),
        "support_form": context.get("support_form")
        or SupportRequestForm(answers, matches, initial=initial),
        "send_plan_url": page.url + page.reverse_subpage("send_plan"),
        "ask_help_url": page.url + page.reverse_subpage("ask_help"),
        "max_providers": MAX_PROVIDERS,
        "retention_months": retention_months(),
        "directory_url": context.get("directory_url", ""),
        "full_providers": [match.provider for match in matches if not match.accepting],
    }
