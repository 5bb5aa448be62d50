"""Registrations in the admin: one list, filtered by webinar and status, exportable as CSV."""

from django.contrib.admin.decorators import display as admin_display
from django.contrib.admin.filters import RelatedFieldListFilter
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail_modeladmin.options import modeladmin_register

from home.feeds import ATOM, FEED_LINKS_HOOK, RSS, FeedLink
from home.modeladmin import HubModelAdmin
from home.search import HOOK as SEARCH_RESULT_KINDS
from webinars.models import Registration, WebinarIndexPage, WebinarPage
from webinars.models.pages import PARIS
from webinars.search import result_kinds

hooks.register(SEARCH_RESULT_KINDS, result_kinds)


class WebinarFilter(RelatedFieldListFilter):
    """Newest webinar first; the default asks Django's own admin, which the hub does not install."""

    def field_admin_ordering(self, field, request, model_admin):
        return ("-start",)


@modeladmin_register
class RegistrationAdmin(HubModelAdmin):
    model = Registration
    menu_label = _("Inscriptions aux webinaires")
    menu_icon = "group"
    menu_order = 300
    add_to_settings_menu = False
    exclude_from_explorer = True
    list_display = ("name", "email", "organisation", "webinar", "status", "created_at")
    list_filter = (("webinar", WebinarFilter), "status")
    search_fields = ("name", "email", "organisation")
    list_export = ("webinar", "name", "email", "organisation", "status_label", "registered_on")
    export_filename = "inscriptions-webinaires"
    ordering = ("webinar", "created_at")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("webinar")

    @admin_display(description=_("état"))
    def status_label(self, obj):
        return obj.get_status_display()

    @admin_display(description=_("inscrit le (heure de Paris)"))
    def registered_on(self, obj):
        return timezone.localtime(obj.created_at, PARIS).strftime("%d/%m/%Y %H:%M")


@hooks.register("register_page_header_buttons")
@hooks.register("register_page_listing_more_buttons")
def registrations_button(page, user, view_name=None, next_url=None):
    """From a webinar page in the admin, straight to its registrations."""
    if page.specific_class is WebinarPage and user.has_perm("webinars.view_registration"):
        url = reverse("webinars_registration_modeladmin_index")
        yield Button(
            _("Inscriptions"),
            url=f"{url}?{urlencode({'webinar__id__exact': page.pk})}",
            icon_name="group",
            priority=45,
        )


@hooks.register("home_page_context")
def next_webinar_on_the_home_page(page, request):
    """The next live webinar that has not ended yet, for the home page's way in."""
    webinar = (
        WebinarPage.objects.live()
        .public()
        .filter(ends_at__gt=timezone.now())
        .defer_streamfields()
        .order_by("start")
        .first()
    )
    return {"next_webinar": webinar}


@hooks.register(FEED_LINKS_HOOK)
def webinars_feed_links(page, request):
    """The webinar index announces the webinars' feeds."""
    if not isinstance(page, WebinarIndexPage):
        return []
    return [
        FeedLink(_("Webinaires (RSS)"), page.rss_feed_url, RSS),
        FeedLink(_("Webinaires (Atom)"), page.atom_feed_url, ATOM),
    ]
