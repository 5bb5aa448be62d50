"""Admin list filters in French: the project does not install django.contrib.admin, so the
date filter wagtail-modeladmin borrows from it finds no translation and says "Any date"."""

from django.contrib.admin.filters import DateFieldListFilter
from django.utils.translation import gettext_lazy as _


class FrenchDateFieldListFilter(DateFieldListFilter):
    """Django's date filter (any date, today, 7 days, month, year), labelled in French."""

    LABELS = (
        _("Toutes les dates"),
        _("Aujourd'hui"),
        _("Les 7 derniers jours"),
        _("Ce mois-ci"),
        _("Cette année"),
    )
    NULL_LABELS = (_("Sans date"), _("Avec une date"))

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        labels = self.LABELS + (self.NULL_LABELS if field.null else ())
        # Django builds these links in this order (django/contrib/admin/filters.py).
        self.links = tuple(
            (label, link_params)
            for label, (_english, link_params) in zip(labels, self.links, strict=True)
        )
