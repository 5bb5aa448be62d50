"""The moderators' dashboard panel: structures waiting for a decision, the oldest first.

An application left unread is a structure left without answer; the panel shows how many wait
and the five that have waited longest, each with a link to read it and decide. Only accounts
that may decide (the change permission moderators hold) see it.
"""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from .models import ProviderApplication

SHOWN = 5
DECIDE_PERMISSION = "directory.change_providerapplication"


def may_decide(user):
    return user.has_perm(DECIDE_PERMISSION)


class PendingApplicationsPanel(Component):
    name = "pending_applications"
    template_name = "directory/admin/pending_applications_panel.html"
    order = 60

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        pending = ProviderApplication.objects.filter(status=ProviderApplication.Status.PENDING)
        oldest = list(
            pending.order_by("created_at", "pk").only("pk", "structure_name", "city", "created_at")[
                :SHOWN
            ]
        )
        for application in oldest:
            application.review_url = reverse(
                "directory_providerapplication_modeladmin_inspect", args=[application.pk]
            )
        context.update(
            count=pending.count(),
            oldest=oldest,
            list_url=reverse("directory_providerapplication_modeladmin_index")
            + "?status__exact=pending",
        )
        return context
