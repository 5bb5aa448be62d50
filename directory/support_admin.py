"""What the admin does with requests once they arrive: the provider marks one answered, and
moderators follow, provider by provider, how many were received and answered.

Marking answered is a view of the contact requests' ModelAdmin (`RowView`): the row is looked
up among the user's own requests only, so a provider answering for another gets a 404.
The follow-up report needs its own permission, which only moderators hold; a provider's
allow-list (admin_confinement) never names it either.
"""

from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Max, Q
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from home.exports import FormulaSafeExportMixin
from home.modeladmin import RowView

from .models import ProviderPage

FOLLOW_UP_PERMISSION = "directory.view_followup_contactrequest"
FOLLOW_UP_MONTHS = 12


class AnsweredView(RowView):
    """POST only: marks one of the user's requests answered (answered=1), or not (answered=0)."""

    http_method_names = ["post"]

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_inspect_obj(user, self.instance)

    def post(self, request, *args, **kwargs):
        answered = request.POST.get("answered") == "1"
        self.instance.answered_at = timezone.now() if answered else None
        self.instance.save(update_fields=["answered_at"])
        if answered:
            message = _("La demande de « %(name)s » est marquée comme répondue.")
        else:
            message = _("La demande de « %(name)s » est de nouveau marquée comme sans réponse.")
        messages.success(request, message % {"name": self.instance.association_name})
        return redirect(self.url_helper.get_action_url("inspect", self.pk_quoted))


class FollowUpMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(FOLLOW_UP_PERMISSION)


def follow_up_rows(since):
    """Every provider profile with the requests it received since `since` and how many it
    marked answered, those with the most requests left unanswered first."""
    recent = Q(contact_requests__created_at__gte=since)
    return (
        ProviderPage.objects.annotate(
            received=Count("contact_requests", filter=recent),
            support_requests=Count(
                "contact_requests", filter=recent & ~Q(contact_requests__plan={})
            ),
            answered=Count(
                "contact_requests",
                filter=recent & Q(contact_requests__answered_at__isnull=False),
            ),
            last_received=Max("contact_requests__created_at", filter=recent),
        )
        .annotate(unanswered=F("received") - F("answered"))
        .only("pk", "title")
        .order_by("-unanswered", "-received", "title")
    )


class SupportFollowUpView(FormulaSafeExportMixin, ReportView):
    """Moderators' report: who receives requests, who answers them (12 months, CSV/XLSX)."""

    page_title = gettext_lazy("Suivi des demandes")
    header_icon = "mail"
    index_url_name = "directory_support_follow_up"
    index_results_url_name = "directory_support_follow_up_results"
    paginate_by = 100
    columns = [
        Column("title", label=gettext_lazy("Prestataire")),
        Column("received", label=gettext_lazy("Demandes reçues")),
        Column("support_requests", label=gettext_lazy("dont demandes d'accompagnement")),
        Column("answered", label=gettext_lazy("Marquées répondues")),
        Column("unanswered", label=gettext_lazy("Sans réponse")),
        DateColumn("last_received", label=gettext_lazy("Dernière reçue")),
    ]
    list_export = ["title", "received", "support_requests", "answered", "unanswered"]
    export_headings = {
        "title": gettext_lazy("Prestataire"),
        "received": gettext_lazy("Demandes reçues"),
        "support_requests": gettext_lazy("Demandes d'accompagnement"),
        "answered": gettext_lazy("Marquées répondues"),
        "unanswered": gettext_lazy("Sans réponse"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(FOLLOW_UP_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return _("Demandes reçues ces %(months)s derniers mois") % {"months": FOLLOW_UP_MONTHS}

    def get_filename(self):
        return "suivi-des-demandes"

    def get_queryset(self):
        return follow_up_rows(timezone.now() - relativedelta(months=FOLLOW_UP_MONTHS))
