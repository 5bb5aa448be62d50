"""An application told back in plain French: what moderators read before deciding, and what
the applicant reads to check what it sent. Names only, never a database id or a Python value.
"""

from django.utils.translation import gettext as _

from home.french_order import french_sort_key

NBSP = "\u00a0"


def _names(objects):
    return ", ".join(sorted((str(obj) for obj in objects), key=french_sort_key))


def _euros(amount):
    return f"{amount}{NBSP}€"


def day_rate(low, high):
    """« de 300 € à 450 € », « à partir de 300 € », « jusqu'à 450 € » or ""."""
    if low and high:
        return _("de %(low)s à %(high)s par jour") % {"low": _euros(low), "high": _euros(high)}
    if low:
        return _("à partir de %(low)s par jour") % {"low": _euros(low)}
    if high:
        return _("jusqu'à %(high)s par jour") % {"high": _euros(high)}
    return ""


def areas(application):
    parts = []
    if application.remote:
        parts.append(_("à distance, partout en France"))
    regions = _names(application.regions.all())
    if regions:
        parts.append(_("régions : %(names)s") % {"names": regions})
    departments = ", ".join(str(dep) for dep in application.departments.all())
    if departments:
        parts.append(_("départements : %(names)s") % {"names": departments})
    return " ; ".join(parts)


def prices(application):
    parts = [day_rate(application.price_min, application.price_max)]
    if application.prices_adapted:
        parts.append(_("tarifs adaptés aux associations"))
    text = " ; ".join(part for part in parts if part)
    return text or _("non indiqués")


def application_facts(application):
    """(label, value) pairs in the order of the form; the free text about prices is apart,
    since it may run over several lines."""
    return [
        (_("Type de structure"), application.get_structure_type_display()),
        (_("Membre du collectif CHATONS"), _("oui") if application.chatons_member else _("non")),
        (_("Ville"), application.city),
        (_("Site web"), application.website or _("aucun")),
        (_("Prestations"), _names(application.offerings.all())),
        (_("Outils"), _names(application.tools.all()) or _("aucun indiqué")),
        (_("Territoires"), areas(application)),
        (_("Tarifs"), prices(application)),
    ]
