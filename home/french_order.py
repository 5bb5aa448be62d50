"""Lists sorted as a French reader expects: « Éducation » between « Drive » and « Forum ».

Python sorts by code point, so accented and capital initials land at the end; the key below
ignores accents and case, then breaks ties on the plain text so the order is stable.
"""

from home.search_terms import fold


def french_sort_key(text):
    """Compare `text` without its accents and its case (« écrire » beside « Ecrire »)."""
    text = str(text)
    return (fold(text), text)


def sort_choices_in_french(field):
    """Give a model choice field its options in French order, once per form.

    The queryset still validates what is posted; only the order of the offered choices
    changes, read in one query."""
    choices = [(obj.pk, field.label_from_instance(obj)) for obj in field.queryset]
    choices.sort(key=lambda choice: french_sort_key(choice[1]))
    if getattr(field, "empty_label", None) is not None:
        choices.insert(0, ("", field.empty_label))
    field.choices = choices
