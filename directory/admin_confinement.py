"""A provider account reaches only the admin screens it needs, whatever Wagtail adds.

Page permissions already confine a provider to the profiles it maintains, but many admin
screens (reports, choosers, bulk actions, usage listings) show titles and usernames to
anyone logged in. Rather than closing them one by one, an account whose only group is
"Prestataires" gets an allow-list: its dashboard, the editing of its profile (where the
page permission policy still decides which page), its logo, its contact requests and its
account. Everything else in the admin is refused as Wagtail refuses a missing permission.
"""

from urllib.parse import urlsplit

from django.urls import Resolver404, resolve
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import SubmenuMenuItem
from wagtail.images import get_image_model
from wagtail.models import Page

from home.uploads import only_editable

from .roles import is_provider_only

# Views a provider-only account may open, by URL name; a name ending in ":" allows a namespace.
# The image chooser shows a provider its own uploads only (home/wagtail_hooks.py).
PROVIDER_VIEWS = frozenset(
    {
        # Its dashboard, its account and the admin's own assets.
        "wagtailadmin_home",
        "wagtailadmin_account",
        "wagtailadmin_logout",
        "wagtailadmin_sprite",
        "wagtailadmin_javascript_catalog",
        "wagtail_modeladmin:javascript_catalog",
        "wagtailadmin_dismissibles",
        # Editing its profile: the page policy decides which page, the workflow does the rest.
        "wagtailadmin_explore_root",
        "wagtailadmin_explore",
        "wagtailadmin_explore_results",
        "wagtailadmin_pages:edit",
        "wagtailadmin_pages:preview_on_edit",
        "wagtailadmin_pages:view_draft",
        "wagtailadmin_pages:history",
        "wagtailadmin_pages:history_results",
        "wagtailadmin_pages:revisions_index",
        "wagtailadmin_pages:revisions_view",
        "wagtailadmin_pages:revisions_revert",
        "wagtailadmin_pages:revisions_compare",
        "wagtailadmin_pages:workflow_history",
        "wagtailadmin_pages:workflow_history_detail",
        "wagtailadmin_pages:confirm_workflow_cancellation",
        "wagtailadmin_editing_sessions:",
        # Prefilling it from its ChatonsInfos files (the view checks which profile).
        "directory_chatons_import",
        # Links in its description (the chooser lists live public pages only) and its logo.
        "wagtailadmin_choose_page",
        "wagtailadmin_choose_page_child",
        "wagtailadmin_choose_page_search",
        "wagtailadmin_choose_page_external_link",
        "wagtailadmin_choose_page_email_link",
        "wagtailadmin_choose_page_phone_link",
        "wagtailadmin_choose_page_anchor_link",
        "wagtailimages_chooser:choose",
        "wagtailimages_chooser:choose_results",
        "wagtailimages_chooser:create",
        "wagtailimages_chooser:chosen",
        # The messages associations sent it.
        "directory_contactrequest_modeladmin_index",
        "directory_contactrequest_modeladmin_inspect",
        "directory_contactrequest_modeladmin_history",
        "directory_contactrequest_answered",
    }
)


def menu_item_allowed(item):
    """A plain menu link to a view of the allow-list; submenus (reports, help) never are."""
    if isinstance(item, SubmenuMenuItem) or not item.url:
        return False
    try:
        view_name = resolve(urlsplit(item.url).path).view_name
    except Resolver404:
        return False  # a link out of the site, such as the editor's guide
    # The "Pages" explorer browses the tree through the admin API, which a provider cannot use.
    return provider_may_open(view_name) and item.name != "explorer"


def choosable_pages(pages):
    """What the page chooser may show a provider: pages any visitor can already see."""
    return pages.live().public()


def provider_may_open(view_name):
    namespace = view_name.rpartition(":")[0]
    return view_name in PROVIDER_VIEWS or (namespace and f"{namespace}:" in PROVIDER_VIEWS)


class ProviderAdminConfinementMiddleware:
    """Refuses a provider-only account every admin view outside `PROVIDER_VIEWS`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not request.path_info.startswith("/admin/"):
            return None
        if not is_provider_only(request.user):
            return None
        if not provider_may_open(match.view_name) or reveals_hidden_content(
            match.view_name, view_kwargs, request.user
        ):
            return permission_denied(request)
        return None


def reveals_hidden_content(view_name, view_kwargs, user):
    """Allowed views that would print what a provider must not see, given the id asked for."""
    if view_name == "wagtailimages_chooser:chosen":  # another upload's title and thumbnail
        images = get_image_model().objects.filter(pk=view_kwargs["pk"])
        return not only_editable(images, user).exists()
    if view_name == "wagtailadmin_choose_page_child":  # a draft's title as the parent
        parent = Page.objects.filter(pk=view_kwargs["parent_page_id"])
        return not choosable_pages(parent).exists()
    return False
