"""The dashboard panel that tells moderators and administrators an e-mail was given up."""

from django.conf import settings
from wagtail.admin.ui.components import Component

from home.groups import MODERATORS
from outbox.models import OutgoingEmail

SHOWN_TO_MODERATORS = 5


def can_act_on_failures(user):
    """Administrators and moderators: they can warn the person another way or resend."""
    return user.is_active and (user.is_superuser or user.groups.filter(name=MODERATORS).exists())


class FailedEmailsPanel(Component):
    """Shown only while there are failed e-mails. The list itself is for administrators
    (bodies hold personal links); a moderator reads which messages did not go, and to whom."""

    name = "failed_emails"
    template_name = "outbox/failed_emails_panel.html"
    order = 40

    def __init__(self, failed, list_url):
        self.failed = failed
        self.list_url = list_url

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(
            count=self.failed.count(),
            latest=self.failed[:SHOWN_TO_MODERATORS] if not self.list_url else [],
            list_url=self.list_url,
            retry_hours=round(settings.OUTBOX_RETRY_PERIOD.total_seconds() / 3600),
        )
        return context


def failed_emails():
    return OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED).order_by("-created_at")
