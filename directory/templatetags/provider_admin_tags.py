"""What the admin's frame shows a provider-only account: no search, no link to Wagtail's guide.

Wagtail builds the sidebar's search box from its registered search areas, with no hook to take
one away, and the allow-list (directory.admin_confinement) refuses every search a provider
could start there: the box would only lead to "permission refusée". The project's copy of
`wagtailadmin/base.html` calls `account_sidebar_props` instead of Wagtail's `sidebar_props`.
"""

from django import template
from django.urls import reverse
from django.utils.html import json_script
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import admin_menu
from wagtail.admin.telepath import JSContext
from wagtail.admin.templatetags.wagtailadmin_tags import sidebar_props
from wagtail.admin.ui import sidebar

from directory.roles import is_provider_only

register = template.Library()


@register.simple_tag(takes_context=True)
def account_sidebar_props(context):
    """Wagtail's sidebar for every account but a provider's, which has no search module."""
    request = context["request"]
    if not is_provider_only(request.user):
        return sidebar_props(context)
    account_menu = [
        sidebar.LinkMenuItem(
            "account", _("Account"), reverse("wagtailadmin_account"), icon_name="user"
        ),
        sidebar.ActionMenuItem(
            "logout", _("Log out"), reverse("wagtailadmin_logout"), icon_name="logout"
        ),
    ]
    modules = [
        sidebar.WagtailBrandingModule(),
        sidebar.MainMenuModule(admin_menu.render_component(request), account_menu, request.user),
    ]
    return json_script({"modules": JSContext().pack(modules)}, element_id="wagtail-sidebar-props")


@register.filter
def provider_only(user):
    """`{% if user|provider_only %}`: the account sees the provider's narrow admin."""
    return is_provider_only(user)
