"""Directory in the admin (contact requests, applications, the provider panel), and the providers
it adds to catalogue pages."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.options import modeladmin_register

from home.list_filters import FrenchDateFieldListFilter
from home.modeladmin import HubModelAdmin, ReviewOnlyPermissionHelper
from home.search import HOOK as SEARCH_RESULT_KINDS

from .admin_confinement import choosable_pages, menu_item_allowed
from .admin_views import ApproveView, RejectView
from .chatons import import_views as chatons_import
from .contact_reply import ContactRequestInspectView, reply_link
from .models import ContactRequest, ProviderApplication
from .pending_applications import PendingApplicationsPanel, may_decide
from .permissions import editable_provider_pages
from .provider_space import ProviderDashboardPanel, land_on_dashboard_after_submitting
from .roles import is_provider_only
from .search import result_kinds
from .service_providers import providers_for_service, who_can_help_with_a_guide
from .support_admin import AnsweredView, FollowUpMenuItem, SupportFollowUpView
from .viewsets import ProviderMaintainerViewSet

hooks.register("catalogue_service_context", providers_for_service)
hooks.register("guide_page_context", who_can_help_with_a_guide)
hooks.register(SEARCH_RESULT_KINDS, result_kinds)


@modeladmin_register
class ContactRequestAdmin(HubModelAdmin):
    """A request is visible only to who may change the profile it was sent to; that account
    marks it answered from its detail view, where a request for support shows its plan."""

    model = ContactRequest
    menu_label = _("Demandes de contact")
    menu_icon = "mail"
    menu_order = 310
    permission_helper_class = ReviewOnlyPermissionHelper
    inspect_view_class = ContactRequestInspectView
    inspect_template_name = "directory/admin/contact_request_inspect.html"
    list_display = (
        "received",
        "association_name",
        "kind",
        "provider",
        "answered",
        "reply",
        "delivery",
    )
    list_filter = (("created_at", FrenchDateFieldListFilter),)
    search_fields = ("association_name", "person_name", "email", "message")
    inspect_view_fields = [
        "provider",
        "created_at",
        "association_name",
        "person_name",
        "email",
        "region",
        "needs",
        "message",
        "consent",
        "answered_at",
    ]

    def restrict_queryset(self, queryset, user):
        return queryset.filter(provider__in=editable_provider_pages(user))

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("provider", "email_message")

    def received(self, obj):
        return date_format(timezone.localtime(obj.created_at), "SHORT_DATE_FORMAT")

    received.short_description = _("Reçue le")
    received.admin_order_field = "created_at"

    def kind(self, obj):
        return _("Demande d'accompagnement") if obj.is_support_request else _("Prise de contact")

    kind.short_description = _("Type de demande")

    def answered(self, obj):
        return _("Oui") if obj.answered_at else _("Pas encore")

    answered.short_description = _("Répondue ?")

    def reply(self, obj):
        return reply_link(obj)

    reply.short_description = _("Répondre")

    def delivery(self, obj):
        return obj.email_message.get_status_display() if obj.email_message else "—"

    delivery.short_description = _("Envoi du courriel")

    def answered_view(self, request, instance_pk):
        return AnsweredView.as_view(model_admin=self, instance_pk=instance_pk)(request)

    def get_admin_urls_for_registration(self):
        return (
            *super().get_admin_urls_for_registration(),
            path(
                "directory/contactrequest/<int:instance_pk>/repondue/",
                self.answered_view,
                name="directory_contactrequest_answered",
            ),
        )


class ApplicationButtonHelper(ButtonHelper):
    """Adds "Accepter" and "Refuser" to applications still waiting for a decision."""

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        can_decide = self.permission_helper.user_can_edit_obj(self.request.user, obj)
        if can_decide and obj.status == ProviderApplication.Status.PENDING:
            buttons += [
                {
                    "url": reverse("directory_application_approve", args=[obj.pk]),
                    "label": _("Accepter"),
                    "classname": "button button-small button-secondary",
                    "title": _("Accepter %(name)s") % {"name": obj.structure_name},
                },
                {
                    "url": reverse("directory_application_reject", args=[obj.pk]),
                    "label": _("Refuser"),
                    "classname": "button button-small button-secondary no",
                    "title": _("Refuser %(name)s") % {"name": obj.structure_name},
                },
            ]
        return buttons


@modeladmin_register
class ProviderApplicationAdmin(HubModelAdmin):
    """Applications arrive through the public form; moderators decide, they do not create."""

    model = ProviderApplication
    menu_label = _("Demandes de référencement")
    menu_icon = "group"
    menu_order = 320
    button_helper_class = ApplicationButtonHelper
    list_display = ("created_at", "structure_name", "structure_type", "city", "status")
    list_filter = ("status", "structure_type")
    search_fields = ("structure_name", "city", "contact_name", "contact_email")
    list_export = (
        "created_at",
        "structure_name",
        "structure_type",
        "chatons_member",
        "city",
        "website",
        "remote",
        "price_min",
        "price_max",
        "prices_adapted",
        "price_information",
        "contact_name",
        "contact_email",
        "status",
        "reviewed_at",
        "rejection_reason",
    )
    export_filename = "demandes-referencement"
    form_fields_exclude = ["status", "reviewed_at", "reviewed_by", "account", "provider_page"]

    def approve_view(self, request, instance_pk):
        return ApproveView.as_view(model_admin=self, instance_pk=instance_pk)(request)

    def reject_view(self, request, instance_pk):
        return RejectView.as_view(model_admin=self, instance_pk=instance_pk)(request)

    def get_admin_urls_for_registration(self):
        return (
            *super().get_admin_urls_for_registration(),
            path(
                "annuaire/demandes/<int:instance_pk>/accepter/",
                self.approve_view,
                name="directory_application_approve",
            ),
            path(
                "annuaire/demandes/<int:instance_pk>/refuser/",
                self.reject_view,
                name="directory_application_reject",
            ),
        )


@hooks.register("construct_homepage_panels")
def greet_providers(request, panels):
    """A provider-only account sees its profiles and nothing else; other roles keep theirs,
    and whoever decides on applications also sees those waiting.

    Wagtail's own panels (pages in a workflow, recent edits, locked pages) would repeat our
    states in its words and cost a query each."""
    if is_provider_only(request.user):
        panels[:] = [ProviderDashboardPanel(ContactRequestAdmin().url_helper.index_url)]
    elif may_decide(request.user):
        panels.append(PendingApplicationsPanel())


hooks.register("after_edit_page", land_on_dashboard_after_submitting)
hooks.register("register_admin_urls", chatons_import.admin_urls)
hooks.register("register_page_header_buttons", chatons_import.header_buttons)


@hooks.register("insert_global_admin_css")
def provider_space_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/provider-space.css"))


@hooks.register("construct_page_chooser_queryset")
def providers_choose_among_public_pages(pages, request):
    """A provider linking to a page sees only what visitors see: no draft, no private page."""
    return choosable_pages(pages) if is_provider_only(request.user) else pages


@hooks.register("register_admin_viewset")
def register_maintainers_viewset():
    return ProviderMaintainerViewSet("provider_maintainers")


@hooks.register("construct_main_menu")
def providers_see_only_what_they_may_open(request, menu_items):
    """A provider's menu offers only screens its allow-list opens (no Pages, Images, Reports)."""
    if is_provider_only(request.user):
        menu_items[:] = [item for item in menu_items if menu_item_allowed(item)]


@hooks.register("construct_homepage_summary_items", order=100)
def no_site_summary_for_providers(request, summary_items):
    """The site's page and image counts link to listings a provider cannot open.

    Runs after Wagtail's own hooks (order 0), which add those items."""
    if is_provider_only(request.user):
        summary_items.clear()


@hooks.register("register_admin_urls")
def register_support_follow_up():
    return [
        path(
            "annuaire/suivi-des-demandes/",
            SupportFollowUpView.as_view(),
            name="directory_support_follow_up",
        ),
        path(
            "annuaire/suivi-des-demandes/resultats/",
            SupportFollowUpView.as_view(results_only=True),
            name="directory_support_follow_up_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def support_follow_up_menu_item():
    return FollowUpMenuItem(
        _("Suivi des demandes"),
        reverse("directory_support_follow_up"),
        name="support-follow-up",
        icon_name="mail",
        order=1000,
    )
