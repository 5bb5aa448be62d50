"""The moderator's decision on an application: a confirmation page, then a POST."""

from django import forms
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail_modeladmin.helpers import AdminURLHelper

from .models import DirectoryIndexPage, ProviderApplication
from .onboarding import approve_application, reject_application

DECIDE = "directory.change_providerapplication"


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Motif du refus, envoyé à la structure"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


def _index_url():
    return AdminURLHelper(ProviderApplication).index_url


def _already_decided(request, application):
    messages.warning(
        request,
        _("La demande de « %(name)s » a déjà été traitée : rien n'a été modifié.")
        % {"name": application.structure_name},
    )
    return redirect(_index_url())


@permission_required(DECIDE, raise_exception=True)
def approve(request, pk):
    application = get_object_or_404(ProviderApplication, pk=pk)
    if not DirectoryIndexPage.objects.exists():
        messages.error(
            request,
            _("Créez d'abord la page « Annuaire » : les fiches acceptées y sont rangées."),
        )
        return redirect(_index_url())
    if request.method == "POST":
        decided = approve_application(pk, request.user)
        if decided is None:
            return _already_decided(request, application)
        messages.success(
            request,
            _("« %(name)s » est accepté : compte et fiche brouillon créés, invitation envoyée.")
            % {"name": application.structure_name},
        )
        return redirect(_index_url())
    if application.status != ProviderApplication.Status.PENDING:
        return _already_decided(request, application)
    return TemplateResponse(
        request,
        "directory/admin/application_decision.html",
        {"application": application, "decision": "approve", "index_url": _index_url()},
    )


@permission_required(DECIDE, raise_exception=True)
def reject(request, pk):
    application = get_object_or_404(ProviderApplication, pk=pk)
    form = RejectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decided = reject_application(pk, request.user, form.cleaned_data["reason"])
        if decided is None:
            return _already_decided(request, application)
        messages.success(
            request,
            _("La demande de « %(name)s » est refusée ; le motif lui a été envoyé.")
            % {"name": application.structure_name},
        )
        return redirect(_index_url())
    if application.status != ProviderApplication.Status.PENDING:
        return _already_decided(request, application)
    return TemplateResponse(
        request,
        "directory/admin/application_decision.html",
        {
            "application": application,
            "decision": "reject",
            "form": form,
            "index_url": _index_url(),
        },
    )
