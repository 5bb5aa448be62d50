"""Spreadsheet downloads (CSV and XLSX) in which no cell can run as a formula.

Lists in the admin export text typed by the public (an application's city, a registration's
name). A spreadsheet opening `=HYPERLINK(...)` or `=cmd|...` would run it. Every export of the
hub goes through `FormulaSafeExportMixin`, which applies OWASP's advice: a text cell that
starts with = + - @, a tab or a carriage return gets a leading apostrophe, so it stays text.
Numbers and dates are not text and are left as they are.
"""

from wagtail.snippets.views.snippets import IndexView as SnippetIndexView

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

__all__ = ["FormulaSafeExportMixin", "FormulaSafeSnippetIndexView", "neutralise_formula"]


def neutralise_formula(value):
    """The cell as a spreadsheet should show it: text that could start a formula stays text."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class FormulaSafeExportMixin:
    """For any view built on Wagtail's `SpreadsheetExportMixin`: every cell, both formats."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise_formula(super().preprocess_field_value(field, value, export_format))


class FormulaSafeSnippetIndexView(FormulaSafeExportMixin, SnippetIndexView):
    """A snippet list whose downloads carry no formula: set it as a viewset's `index_view_class`."""
