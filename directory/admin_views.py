"""The moderator's decision on an application: a confirmation page, then a POST.

Both decisions are views of the applications' ModelAdmin (`RowView`): the same login, list
permission and row lookup as its other views, plus the permission to change applications.
`DecisionView` holds the steps they share; each decision adds its form and its action.
"""

from django import forms
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

from home.modeladmin import RowView

from .models import DirectoryIndexPage, ProviderApplication
from .onboarding import approve_application, reject_application


class ApprovalForm(forms.Form):
    """Approving asks nothing more than the click."""


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Motif du refus, envoyé à la structure"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class DecisionView(RowView):
    """Shows the application, then applies the decision once, if it is still pending.

    A decision gives its `form_class`, its `success_message` (with %(name)s) and
    `decide(form)`, which returns the application, or None if it was already decided.
    """

    decision = None
    form_class = None
    success_message = None

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_edit_obj(user, self.instance)

    def cannot_decide(self):
        """A reason, in French, why no decision can be taken now; None if it can."""
        return None

    def get(self, request, *args, **kwargs):
        return self.handle(request, self.form_class())

    def post(self, request, *args, **kwargs):
        return self.handle(request, self.form_class(request.POST))

    def handle(self, request, form):
        problem = self.cannot_decide()
        if problem:
            messages.error(request, problem)
            return redirect(self.index_url)
        if form.is_bound and form.is_valid():
            if self.decide(form) is None:
                return self.already_decided(request)
            messages.success(request, self.success_message % {"name": self.instance.structure_name})
            return redirect(self.index_url)
        if self.instance.status != ProviderApplication.Status.PENDING:
            return self.already_decided(request)
        return TemplateResponse(
            request,
            "directory/admin/application_decision.html",
            {
                "application": self.instance,
                "decision": self.decision,
                "form": form,
                "index_url": self.index_url,
            },
        )

    def already_decided(self, request):
        messages.warning(
            request,
            _("La demande de « %(name)s » a déjà été traitée : rien n'a été modifié.")
            % {"name": self.instance.structure_name},
        )
        return redirect(self.index_url)


class ApproveView(DecisionView):
    decision = "approve"
    form_class = ApprovalForm

    def cannot_decide(self):
        if not DirectoryIndexPage.objects.exists():
            return _("Créez d'abord la page « Annuaire » : les fiches acceptées y sont rangées.")
        return None

    def decide(self, form):
        return approve_application(self.instance.pk, self.request.user)

    success_message = gettext_lazy(
        "« %(name)s » est accepté : compte et fiche brouillon créés, invitation envoyée."
    )


class RejectView(DecisionView):
    decision = "reject"
    form_class = RejectionForm

    def decide(self, form):
        return reject_application(self.instance.pk, self.request.user, form.cleaned_data["reason"])

    success_message = gettext_lazy(
        "La demande de « %(name)s » est refusée ; le motif lui a été envoyé."
    )
