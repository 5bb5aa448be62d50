"""What every ModelAdmin of the hub shares, so no view of a list shows more than the list.

wagtail-modeladmin checks permissions view by view, and unevenly: its history view checks
none, and inspect, history, edit and delete find their row among all rows of the table.
Here every view first asks for the list's permission, then looks the row up in the
ModelAdmin's own queryset (`HubModelAdmin.restrict_queryset` narrows it, e.g. to a
provider's own messages), so a row outside it answers 404 whatever the view.
Exports are formula-safe (home/exports.py).
"""

from django.contrib.admin.utils import quote, unquote
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import (
    DeleteView,
    EditView,
    HistoryView,
    IndexView,
    InspectView,
    InstanceSpecificView,
    WMABaseView,
)

from home.exports import FormulaSafeExportMixin

__all__ = [
    "HubModelAdmin",
    "HubPermissionHelper",
    "ReviewOnlyPermissionHelper",
    "RowView",
]


class HubPermissionHelper(PermissionHelper):
    """Every action needs the list's permission; rows come from the site, never typed here."""

    def user_can_inspect_obj(self, user, obj):
        return self.inspect_view_enabled and self.user_can_list(user)

    def user_can_view_history(self, user, obj):
        return self.user_can_list(user)

    def user_can_edit_obj(self, user, obj):
        return self.user_can_list(user) and super().user_can_edit_obj(user, obj)

    def user_can_delete_obj(self, user, obj):
        return self.user_can_list(user) and super().user_can_delete_obj(user, obj)

    def user_can_create(self, user):
        return False


class ReviewOnlyPermissionHelper(HubPermissionHelper):
    """For rows kept as they arrived (messages, e-mails): read, maybe delete, never edit."""

    def user_can_edit_obj(self, user, obj):
        return False


class RowView(InstanceSpecificView):
    """A view of one row, found only among the rows the user's list shows.

    `InstanceSpecificView.__init__` looks the row up in the whole table before anyone has
    logged in; it is skipped, and the lookup waits for the login and the list's permission.
    """

    def __init__(self, model_admin, instance_pk):
        WMABaseView.__init__(self, model_admin)
        self.instance_pk = unquote(str(instance_pk))
        self.pk_quoted = quote(self.instance_pk)

    @method_decorator(login_required)
    def dispatch(self, request, *args, **kwargs):
        if not self.permission_helper.user_can_list(request.user):
            raise PermissionDenied
        try:
            self.instance = get_object_or_404(
                self.model_admin.get_queryset(request), **{self.pk_attname: self.instance_pk}
            )
        except (ValueError, ValidationError) as malformed:  # "abc" where a number is expected
            raise Http404 from malformed
        return super().dispatch(request, *args, **kwargs)


class ScopedInspectView(RowView, InspectView):
    def get_field_display_value(self, field_name, field=None):
        """Yes/no in words: modeladmin prints a boolean as Python's True or False."""
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, bool):
            return _("Oui") if value else _("Non")
        return value


class ScopedEditView(RowView, EditView):
    pass


class ScopedDeleteView(RowView, DeleteView):
    pass


class ScopedHistoryView(RowView, HistoryView):
    def check_action_permitted(self, user):
        return self.permission_helper.user_can_view_history(user, self.instance)


class FormulaSafeIndexView(FormulaSafeExportMixin, IndexView):
    pass


class HubModelAdmin(ModelAdmin):
    """Base of the hub's ModelAdmins: to hide rows, override `restrict_queryset`."""

    permission_helper_class = HubPermissionHelper
    index_view_class = FormulaSafeIndexView
    inspect_view_class = ScopedInspectView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    history_view_class = ScopedHistoryView
    inspect_view_enabled = True
    empty_value_display = "—"  # a bare "-" would have to be neutralised in exports

    def restrict_queryset(self, queryset, user):
        """The rows `user` may see, in every view; all of them unless a subclass says otherwise."""
        return queryset

    def get_queryset(self, request):
        return self.restrict_queryset(super().get_queryset(request), request.user)
