"""Checkboxes in named groups (tools by use, départements by région) for long public lists."""

from django import forms

from home.french_order import french_sort_key


class GroupedCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Each group is a fieldset with its name as legend, so a screen reader announces it.

    With `folded=True` each group is a <details> (open when one of its boxes is ticked), for
    lists too long to show whole, such as the 101 départements."""

    template_name = "directory/widgets/grouped_checkboxes.html"

    def __init__(self, attrs=None, choices=(), folded=False):
        super().__init__(attrs, choices)
        self.folded = folded

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["folded"] = self.folded
        context["widget"]["groups"] = [
            (group, options, any(option["selected"] for option in options))
            for group, options, _index in context["widget"]["optgroups"]
        ]
        return context


def grouped_choices(objects, group_name):
    """[(group, [(pk, label), ...]), ...], groups and labels in French order."""
    groups = {}
    for obj in objects:
        groups.setdefault(group_name(obj), []).append((obj.pk, str(obj)))
    return [
        (group, sorted(options, key=lambda option: french_sort_key(option[1])))
        for group, options in sorted(groups.items(), key=lambda item: french_sort_key(item[0]))
    ]
