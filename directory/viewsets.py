"""Moderators record who maintains which provider profile (a colleague joins, someone leaves)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet

from .models import ProviderMaintainer
from .permissions import grant_provider_access


class MaintainerCreateView(CreateView):
    def save_instance(self):
        """The new maintainer also joins the shared providers' group (admin access, messages)."""
        instance = super().save_instance()
        grant_provider_access(instance.user, instance.page)
        return instance


class ProviderMaintainerViewSet(ModelViewSet):
    model = ProviderMaintainer
    add_view_class = MaintainerCreateView
    form_fields = ["page", "user"]
    list_display = ["page", "user", "added_at"]
    list_filter = ["page"]
    search_fields = ["page__title", "user__username", "user__email"]
    icon = "key"
    menu_label = _("Accès aux fiches")
    menu_order = 330
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
