"""The outbox list in the admin, so a failed message stays visible to the team."""

from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.options import modeladmin_register

from home.modeladmin import HubModelAdmin, ReviewOnlyPermissionHelper
from outbox.models import OutgoingEmail


@modeladmin_register
class OutgoingEmailAdmin(HubModelAdmin):
    """Read-only: a message is written by the site, never typed or changed in the admin."""

    model = OutgoingEmail
    permission_helper_class = ReviewOnlyPermissionHelper
    menu_label = _("Courriels sortants")
    menu_icon = "mail"
    menu_order = 900
    add_to_settings_menu = True
    list_display = ("subject", "recipients", "status", "attempts", "created_at", "sent_at")
    list_filter = ("status",)
    search_fields = ("subject", "to")

    def recipients(self, obj):
        if not obj.to and obj.forget_recipients:
            return _("adresse effacée après l'envoi")
        return ", ".join(obj.to)

    recipients.short_description = _("destinataires")
