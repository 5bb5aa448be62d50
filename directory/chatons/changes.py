"""What an import would change on a profile, shown field by field, and the chosen changes
saved as a draft.

The comparison starts from the profile's latest revision, not the published page, so a
draft the provider has not submitted yet is built upon, never lost. Tools and links are only
added: a provider also lists tools it masters without hosting them, and links the files do
not know. The result is a new revision, never published here: the provider submits it for
moderation as any other change.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from catalogue.models import FreeAlternative
from directory.models import ProviderLink, ProviderPage
from directory.models.taxonomy import StructureType

# The fields an import may change, in the order the review shows them.
FIELDS = (
    "title",
    "introduction",
    "structure_type",
    "city",
    "website",
    "logo",
    "fediverse_url",
    "links",
    "tools",
    "accepting_new_associations",
)


@dataclass
class Change:
    name: str
    label: str
    current: str
    proposed: str


# Labels clearer than the field's own in a side-by-side comparison.
LABELS = {
    "links": gettext_lazy("Autres liens publics"),
    "accepting_new_associations": gettext_lazy("Disponibilité"),
}


def label_of(name):
    return str(LABELS.get(name) or ProviderPage._meta.get_field(name).verbose_name).capitalize()


def availability(value):
    return _("accepte de nouvelles associations") if value else _("complet pour le moment")


def structure_label(value):
    return StructureType(value).label if value else ""


def new_links(draft, links):
    known = {link.url for link in draft.links.all()} | {draft.website, draft.fediverse_url}
    return [(label, url) for label, url in links if url not in known]


def new_tools(draft, tool_ids):
    current = {tool.pk for tool in draft.tools.all()}
    return list(FreeAlternative.objects.filter(pk__in=set(tool_ids) - current).order_by("name"))


def links_text(links):
    return ", ".join(f"{label} ({url})" for label, url in links)


def compared(draft, name, value):
    """(current, proposed) as the review shows them, or None when `value` changes nothing."""
    if name == "links":
        added = new_links(draft, value)
        current = links_text((link.label, link.url) for link in draft.links.all())
        return (current, _("ajoute\u00a0: %s") % links_text(added)) if added else None
    if name == "tools":
        added = new_tools(draft, value)
        current = ", ".join(tool.name for tool in draft.tools.all())
        names = ", ".join(tool.name for tool in added)
        return (current, _("ajoute\u00a0: %s") % names) if added else None
    if name == "logo":
        current = draft.logo.title if draft.logo else ""
        return current, _("l'image publiée à l'adresse %s") % value
    if name == "structure_type":
        same = value == draft.structure_type
        return None if same else (structure_label(draft.structure_type), structure_label(value))
    if name == "accepting_new_associations":
        current = draft.accepting_new_associations
        return None if value == current else (availability(current), availability(value))
    current = getattr(draft, name)
    return None if value == current else (current, value)


def review(draft, values):
    """The changes the values would make to `draft` (the profile's latest revision)."""
    changes = []
    for name in FIELDS:
        if name in values and (pair := compared(draft, name, values[name])):
            current, proposed = pair
            changes.append(Change(name, label_of(name), current or _("(vide)"), proposed))
    return changes


def apply_changes(draft, values, chosen, user, logo=None):
    """Sets the chosen fields on `draft` and saves it as a new revision, unpublished.

    `logo` is the Wagtail image already made from the logo's address, when it was chosen.
    Raises ValidationError (nothing saved) if the profile would not be valid.
    """
    for name in chosen:
        value = values[name]
        if name == "links":
            for label, url in new_links(draft, value):
                draft.links.add(ProviderLink(label=label, url=url))
        elif name == "tools":
            draft.tools.set([*draft.tools.all(), *new_tools(draft, value)])
        elif name == "logo":
            draft.logo = logo
        else:
            setattr(draft, name, value)
    return draft.save_revision(user=user, log_action=True)
