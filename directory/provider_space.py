"""The provider's own admin space: its dashboard panel and where it lands after submitting.

A provider-only account opens the admin rarely and with little time. Its dashboard says,
for each profile it maintains, where the profile stands in words it uses (on line, waiting
for review, changes asked, never published), when it was last reviewed, how many requests
still wait for an answer, and offers one button to edit. The panel costs the same few
queries whatever the number of profiles or requests.
"""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from .permissions import editable_provider_pages
from .roles import is_provider_only

SUBMIT_ACTIONS = ("action-submit", "action-restart-workflow")

SUBMITTED_MESSAGE = _(
    "Merci, vos modifications sont envoyées à la relecture. L'équipe de modération "
    "Emancip'Asso les relit sous quelques jours ouvrés\u00a0; vous serez prévenu par courriel "
    "dès qu'elles seront publiées ou si elle vous demande des changements. D'ici là, "
    "votre fiche publique reste telle qu'elle était."
)


class ProfileState:
    """Where a profile stands, in the provider's words, and the CSS tone to show it."""

    LIVE = ("en-ligne", _("En ligne"))
    IN_REVIEW = ("en-relecture", _("En attente de relecture"))
    CHANGES_REQUESTED = ("a-modifier", _("Modifications demandées"))
    NEVER_PUBLISHED = ("brouillon", _("Brouillon jamais publié"))
    UNPUBLISHED = ("hors-ligne", _("Retirée du site"))

    @classmethod
    def of(cls, page):
        if page.workflow_status == WorkflowState.STATUS_IN_PROGRESS:
            return cls.IN_REVIEW
        if page.workflow_status == WorkflowState.STATUS_NEEDS_CHANGES:
            return cls.CHANGES_REQUESTED
        if page.live:
            return cls.LIVE
        return cls.UNPUBLISHED if page.first_published_at else cls.NEVER_PUBLISHED


def provider_profiles(user):
    """The profiles `user` maintains, each with its last workflow status and its count of
    requests not yet marked answered: one query for all of them."""
    last_workflow = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
    ).order_by("-created_at", "-pk")
    return (
        editable_provider_pages(user)
        .annotate(
            workflow_status=Subquery(last_workflow.values("status")[:1]),
            new_requests=Count(
                "contact_requests", filter=Q(contact_requests__answered_at__isnull=True)
            ),
        )
        .only(
            "pk",
            "title",
            "live",
            "first_published_at",
            "has_unpublished_changes",
            "last_reviewed",
            "url_path",
        )
        .order_by("title")
    )


class ProviderDashboardPanel(Component):
    """The first thing a provider-only account sees: its profiles and their requests."""

    name = "provider_dashboard"
    template_name = "directory/admin/provider_dashboard_panel.html"
    order = 50

    def __init__(self, requests_url):
        self.requests_url = requests_url

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        profiles = list(provider_profiles(user))
        for profile in profiles:
            profile.state_tone, profile.state_label = ProfileState.of(profile)
        context.update(
            profiles=profiles,
            requests_url=self.requests_url,
            new_requests=sum(profile.new_requests for profile in profiles),
            user=user,
        )
        return context


def land_on_dashboard_after_submitting(request, page):
    """`after_edit_page` hook: a provider who submits its profile goes back to its dashboard
    with one plain message, instead of Wagtail's "submitted for moderation" and the page
    explorer it cannot open. Wagtail runs this hook only once the submission succeeded."""
    if not is_provider_only(request.user) or not any(a in request.POST for a in SUBMIT_ACTIONS):
        return None
    storage = messages.get_messages(request)
    for _message in storage:  # reading the queued messages drops them from the response
        pass
    messages.success(request, SUBMITTED_MESSAGE)
    return redirect("wagtailadmin_home")
