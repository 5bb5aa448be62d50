"""Directory in the admin: contact requests, applications and the provider's dashboard panel."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from . import admin_views
from .models import ContactRequest, ProviderApplication
from .permissions import editable_provider_pages, is_provider


class ContactRequestPermissionHelper(PermissionHelper):
    """A request is visible only to who may change the profile it was sent to."""

    def _owns(self, user, obj):
        # Asked once per row of the list: remember the answer on the user for this request.
        if not hasattr(user, "_directory_provider_ids"):
            user._directory_provider_ids = set(
                editable_provider_pages(user).values_list("pk", flat=True)
            )
        return obj.provider_id in user._directory_provider_ids

    def user_can_inspect_obj(self, user, obj):
        return super().user_can_inspect_obj(user, obj) and self._owns(user, obj)

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return super().user_can_delete_obj(user, obj) and self._owns(user, obj)

    def user_can_create(self, user):
        return False


@modeladmin_register
class ContactRequestAdmin(ModelAdmin):
    model = ContactRequest
    menu_label = _("Demandes de contact")
    menu_icon = "mail"
    menu_order = 310
    permission_helper_class = ContactRequestPermissionHelper
    inspect_view_enabled = True
    list_display = ("created_at", "association_name", "person_name", "provider", "delivery")
    list_filter = ("created_at",)
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
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(provider__in=editable_provider_pages(request.user))
            .select_related("provider", "email_message")
        )

    def delivery(self, obj):
        return obj.email_message.get_status_display() if obj.email_message else "—"

    delivery.short_description = _("envoi du courriel")


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


class ApplicationPermissionHelper(PermissionHelper):
    """Applications arrive through the public form; moderators decide, they do not create."""

    def user_can_create(self, user):
        return False


@modeladmin_register
class ProviderApplicationAdmin(ModelAdmin):
    model = ProviderApplication
    menu_label = _("Demandes de référencement")
    menu_icon = "group"
    menu_order = 320
    permission_helper_class = ApplicationPermissionHelper
    button_helper_class = ApplicationButtonHelper
    inspect_view_enabled = True
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
        "contact_name",
        "contact_email",
        "status",
        "reviewed_at",
        "rejection_reason",
    )
    export_filename = "demandes-referencement"
    form_fields_exclude = ["status", "reviewed_at", "reviewed_by", "account", "provider_page"]


@hooks.register("register_admin_urls")
def register_application_decisions():
    return [
        path(
            "annuaire/demandes/<int:pk>/accepter/",
            admin_views.approve,
            name="directory_application_approve",
        ),
        path(
            "annuaire/demandes/<int:pk>/refuser/",
            admin_views.reject,
            name="directory_application_reject",
        ),
    ]


class ProviderWelcomePanel(Component):
    """Greets a provider on the dashboard with its profile and its messages."""

    name = "provider_welcome"
    template_name = "directory/admin/provider_welcome_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        context["pages"] = editable_provider_pages(user).order_by("title")
        context["requests_url"] = ContactRequestAdmin().url_helper.index_url
        context["user"] = user
        return context


@hooks.register("construct_homepage_panels")
def greet_providers(request, panels):
    if is_provider(request.user):
        panels.insert(0, ProviderWelcomePanel())
