"""Checkboxes for long public lists: each box inside its label, no wrapper, in named groups
(tools by use) when the list needs them, so that the page stays light (EcoIndex counts every
element)."""

from django import forms

from home.french_order import french_sort_key


class CompactCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Each option is `<label><input> name</label>`, without Django's <div> around it."""

    template_name = "directory/widgets/compact_checkboxes.html"


class GroupedCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Each group is a fieldset with its name as legend, so a screen reader announces it."""

    template_name = "directory/widgets/grouped_checkboxes.html"


def grouped_choices(objects, group_name):
    """[(group, [(pk, label), ...]), ...], groups and labels in French order."""
    groups = {}
    for obj in objects:
        groups.setdefault(group_name(obj), []).append((obj.pk, str(obj)))
    return [
        (group, sorted(options, key=lambda option: french_sort_key(option[1])))
        for group, options in sorted(groups.items(), key=lambda item: french_sort_key(item[0]))
    ]
