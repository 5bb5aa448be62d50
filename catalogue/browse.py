"""What /alternatives/ lists: published services by use, narrowed by `?q=` and `?usage=`.

The catalogue holds a few dozen services: they are read in three queries whatever the
filters, and matched in memory, without accents or case, so that "agenda" finds "Google
Agenda" and "meet" finds "Google Meet" the same way on SQLite and PostgreSQL.
"""

import unicodedata
from dataclasses import dataclass

from django.db.models import Prefetch

from home.search_terms import fold

from .models import Category, FreeAlternative, ProprietaryService

MAX_QUERY_LENGTH = 100


def clean_query(raw):
    """The visitor's words as shown back: control characters dropped, spaces collapsed."""
    printable = "".join(
        char for char in raw if char.isspace() or unicodedata.category(char)[0] != "C"
    )
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


@dataclass
class Section:
    """One use (category) and the services listed under it."""

    category: Category
    services: list


class CatalogueBrowse:
    """Reads the GET parameters of /alternatives/ and works out what to list."""

    def __init__(self, params):
        self.query = clean_query(params.get("q", ""))
        words = fold(self.query).split()
        categories = list(Category.objects.live().prefetch_related(_live_services()))
        by_slug = {category.slug: category for category in categories}
        self.usage = by_slug.get(params.get("usage", ""))
        matching = [
            Section(category, [s for s in category.services.all() if _matches(s, words)])
            for category in categories
        ]
        self.usage_options = [(section.category, len(section.services)) for section in matching]
        # Unfiltered, a use with no service yet is listed all the same, and says so.
        self.sections = [
            section
            for section in matching
            if (section.services or not self.is_filtered) and self.usage in (None, section.category)
        ]

    @property
    def is_filtered(self):
        return bool(self.query or self.usage)

    @property
    def service_count(self):
        return sum(len(section.services) for section in self.sections)


def _live_services():
    """Published services of each category, each with its published alternatives."""
    alternatives = FreeAlternative.objects.live().only("name").order_by("name")
    services = (
        ProprietaryService.objects.live()
        .only("name", "slug", "vendor", "category")
        .prefetch_related(Prefetch("alternatives", queryset=alternatives))
    )
    return Prefetch("services", queryset=services)


def _matches(service, words):
    """Every word appears in the service's name, its vendor or an alternative's name."""
    if not words:
        return True
    names = [service.name, service.vendor, service.category.name]
    names += [alternative.name for alternative in service.alternatives.all()]
    haystack = fold(" ".join(names))
    return all(word in haystack for word in words)
