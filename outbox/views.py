"""The "Renvoyer" button of a failed e-mail, for whoever may open the outbox list."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from outbox.models import OutgoingEmail
from outbox.recovery import resend_failed


def resend(request, model_admin, instance_pk):
    """POST only: give one failed message a new retry period, then back to its page."""
    if not model_admin.permission_helper.user_can_list(request.user):
        raise PermissionDenied
    email = get_object_or_404(model_admin.get_queryset(request), pk=instance_pk)
    if request.method != "POST":
        return redirect(model_admin.url_helper.get_action_url("inspect", email.pk))
    if resend_failed(email):
        messages.success(
            request,
            _("Le courriel «\u00a0%(subject)s\u00a0» est remis en file d'attente.")
            % {"subject": email.subject},
        )
    elif email.status == OutgoingEmail.Status.FAILED:
        messages.error(
            request,
            _(
                "Ce courriel ne peut pas être renvoyé\u00a0: son adresse ou son texte a été "
                "effacé après la dernière tentative."
            ),
        )
    else:
        messages.error(request, _("Seul un courriel en échec peut être renvoyé."))
    return redirect(model_admin.url_helper.get_action_url("inspect", email.pk))
