"""Admin views of the catalogue: editors add and review entries without a developer.

The entries are moderated (see catalogue.models.entries): the edit views offer "save draft"
and "submit for moderation", and only moderators may publish, lock and unlock.
"""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import StatusTagColumn
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from catalogue.models import Category, FreeAlternative, ProprietaryService
from home.exports import FormulaSafeSnippetIndexView


def status_column():
    """Live, draft, or live with changes waiting: read from the row, one query for the list."""
    return StatusTagColumn(
        "publication_status",
        label=_("Statut"),
        sort_key="live",
        primary=lambda entry: entry.live,
    )


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    menu_order = 100
    list_display = ["name", "slug", "sort_order", status_column()]
    list_export = ["name", "slug", "description", "sort_order"]
    export_filename = "categories-d-usage"
    index_view_class = FormulaSafeSnippetIndexView


class ProprietaryServiceViewSet(SnippetViewSet):
    model = ProprietaryService
    icon = "lock"
    menu_order = 200
    list_display = ["name", "vendor", "category", "alternative_count", status_column()]
    list_filter = ["category", "vendor"]
    list_export = ["name", "slug", "vendor", "category", "cost"]
    export_filename = "services-proprietaires"
    index_view_class = FormulaSafeSnippetIndexView

    def get_queryset(self, request):
        return ProprietaryService.objects.select_related("category").annotate(
            alternatives_total=Count("alternatives", filter=Q(alternatives__live=True))
        )


class FreeAlternativeViewSet(SnippetViewSet):
    model = FreeAlternative
    icon = "pick"
    menu_order = 300
    list_display = [
        "name",
        "category",
        "licence",
        "self_hostable",
        "difficulty",
        status_column(),
    ]
    list_filter = ["category", "self_hostable", "difficulty"]
    list_export = [
        "name",
        "slug",
        "category",
        "licence",
        "website",
        "self_hostable",
        "get_difficulty_display",
        "replaced_services",
        "description",
    ]
    export_filename = "alternatives-libres"
    index_view_class = FormulaSafeSnippetIndexView
    export_headings = {
        "get_difficulty_display": _("Difficulté d'adoption"),
        "replaced_services": _("Remplace"),
    }

    def get_queryset(self, request):
        return FreeAlternative.objects.select_related("category").prefetch_related("replaces")


class CatalogueViewSetGroup(SnippetViewSetGroup):
    items = (CategoryViewSet, ProprietaryServiceViewSet, FreeAlternativeViewSet)
    menu_icon = "list-ul"
    menu_label = _("Catalogue")
    menu_name = "catalogue"
    menu_order = 250
