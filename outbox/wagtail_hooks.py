"""The outbox list in the admin, so a failed message stays visible to the team, and the
dashboard panel that says when one was given up."""

from django.template.defaultfilters import linebreaksbr
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from home.modeladmin import HubModelAdmin, ReviewOnlyPermissionHelper, ScopedInspectView
from outbox.dashboard import FailedEmailsPanel, can_act_on_failures, failed_emails
from outbox.models import RECIPIENT_FIELDS, OutgoingEmail
from outbox.recovery import can_be_resent
from outbox.views import resend

ERASED = _("adresse effacée après l'envoi")
ERASED_TEXT = _("texte effacé après l'envoi : il contenait un lien de connexion personnel")


def addresses(email, field_name="to"):
    """Addresses as a reader writes them, not the JSON list they are stored as."""
    values = getattr(email, field_name)
    if not values and email.forget_recipients:
        return ERASED
    return ", ".join(values)


class OutgoingEmailInspectView(ScopedInspectView):
    """Addresses as text, bodies with their line breaks, headers one per line; a failed
    message offers "Renvoyer"."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_be_resent=can_be_resent(self.instance), **kwargs)

    def get_page_subtitle(self):
        """The subject: with the address too, a phone's screen cannot break the title."""
        return self.instance.subject

    def get_field_display_value(self, field_name, field=None):
        if field_name in RECIPIENT_FIELDS:
            return addresses(self.instance, field_name) or self.model_admin.empty_value_display
        if field_name == "body_text":
            if self.instance.forget_content and not self.instance.body_text:
                return ERASED_TEXT
            return linebreaksbr(self.instance.body_text, autoescape=True)
        if field_name == "headers":
            lines = [f"{name}: {value}" for name, value in self.instance.headers.items()]
            return linebreaksbr("\n".join(lines), autoescape=True) or "—"
        if field_name in ("attempts", "interrupted_sends"):
            return str(getattr(self.instance, field_name))  # 0, not an empty value's dash
        if field_name == "attachments":
            names = [attachment["filename"] for attachment in self.instance.attachments]
            return ", ".join(names) or "—"
        return super().get_field_display_value(field_name, field)


@modeladmin_register
class OutgoingEmailAdmin(HubModelAdmin):
    """Read-only: a message is written by the site, never typed or changed in the admin."""

    model = OutgoingEmail
    permission_helper_class = ReviewOnlyPermissionHelper
    inspect_view_class = OutgoingEmailInspectView
    menu_label = _("Courriels sortants")
    menu_icon = "mail"
    menu_order = 900
    add_to_settings_menu = True
    list_display = ("subject", "recipients", "status", "attempts", "created_at", "sent_at")
    list_filter = ("status",)
    search_fields = ("subject", "to")
    inspect_view_fields = (
        "subject",
        "status",
        "from_email",
        "to",
        "cc",
        "bcc",
        "reply_to",
        "body_text",
        "attachments",
        "created_at",
        "sent_at",
        "attempts",
        "next_attempt_at",
        "last_error",
        "interrupted_sends",
        "message_id",
        "headers",
        "forget_recipients",
        "forget_content",
    )

    def recipients(self, obj):
        return addresses(obj)

    recipients.short_description = _("destinataires")

    def resend_view(self, request, instance_pk):
        return resend(request, self, instance_pk)

    def get_admin_urls_for_registration(self):
        return (
            *super().get_admin_urls_for_registration(),
            path(
                "outbox/outgoingemail/renvoyer/<int:instance_pk>/",
                self.resend_view,
                name="outbox_outgoingemail_resend",
            ),
        )


@hooks.register("construct_homepage_panels")
def tell_who_can_act_about_failed_emails(request, panels):
    """Moderators and administrators only: editors and providers cannot do anything about it."""
    if not can_act_on_failures(request.user):
        return
    failed = failed_emails()
    if not failed.exists():
        return
    email_admin = OutgoingEmailAdmin()
    can_open_list = email_admin.permission_helper.user_can_list(request.user)
    list_url = f"{email_admin.url_helper.index_url}?status__exact=failed" if can_open_list else ""
    panels.append(FailedEmailsPanel(failed, list_url))
