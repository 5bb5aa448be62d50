"""The listed providers' facts as bitsets, and the choices the directory offers to filter on:
the directory counts its choices in microseconds.

Each listed provider is one bit, numbered in the directory's order (title, then id); each
(facet, value) of the ListingFact rows is one Python int whose bits are the providers that
have it. A count is `(choice & other_choices).bit_count()`, a page of results the ids of
some set bits. At 10 000 providers the index weighs about 0.4 MB (bench/directory.py prints
it).

The choices (régions, départements, prestations, published tools) are (value, label, fact)
triples, the fact being the ListingFact value that stands for the choice.

It is built from ListingFact in one query (and the choices in three), kept in this process and
in the shared cache under the facts' version (listing_facts.facts_version), and built again
when a rewrite of the facts (publishing, unpublishing, a view restriction, a deletion) or a
change to a choice (signal_handlers) gives them a new version.
"""

from array import array
from dataclasses import dataclass, field
from functools import cached_property

from django.core.cache import cache

from catalogue.models import FreeAlternative

from .listing_facts import DEPARTMENT, OFFERING, REGION, TOOL, facts_version
from .models import Department, ListingFact, Offering

INDEX_TIMEOUT = 24 * 60 * 60  # a version no longer current is never read again
# Raise it when what ListingIndex holds changes: the shared cache outlives a deployment, and an
# index of the former shape, still under the current version of the facts, would be read.
SHAPE = 3
_kept = {}  # this process's index: {"version": ..., "index": ...}


@dataclass
class ListingIndex:
    ids: array  # the provider of each bit, in the directory's order
    masks: dict = field(default_factory=dict)  # (facet, value) -> bits
    choices: dict = field(default_factory=dict)  # facet -> [(value, label, fact)]
    region_of_department: dict = field(default_factory=dict)  # code -> région's slug

    @property
    def everyone(self):
        return (1 << len(self.ids)) - 1

    def mask(self, facet, value):
        return self.masks.get((facet, value), 0)

    def any_of(self, facet, values):
        """The providers with at least one of these values of the facet."""
        found = 0
        for value in values:
            found |= self.mask(facet, value)
        return found

    def fact_of(self, facet, choice):
        """The fact standing for a choice offered on this facet (a prestation's slug gives its
        id), or None when it is not offered."""
        return next((fact for value, _label, fact in self.choices[facet] if value == choice), None)

    def mask_of(self, provider_ids):
        """The bits of these providers (those listed: others have none)."""
        bit = self._bit_of_id
        return _mask([bit[pk] for pk in provider_ids if pk in bit], len(self.ids))

    def ids_of(self, masks, window=slice(None)):
        """The providers of these bits, mask after mask, each in the directory's order: those
        within `window` (a slice) of that list."""
        positions = [position for mask in masks for position in _set_bits(mask)][window]
        return [self.ids[position] for position in positions]

    @cached_property
    def _bit_of_id(self):
        return {pk: position for position, pk in enumerate(self.ids)}

    def __getstate__(self):  # the shared cache keeps the bits, not the lookup table
        state = dict(self.__dict__)
        state.pop("_bit_of_id", None)
        return state


def listing_index():
    """The index of the facts' current version: this process's, the shared cache's, or new."""
    version = facts_version()
    if _kept.get("version") != version:
        key = f"directory:listing-index:{SHAPE}:{version}"
        index = cache.get(key)
        if index is None:
            index = build_index()
            cache.set(key, index, timeout=INDEX_TIMEOUT)
        _kept.update(version=version, index=index)
    return _kept["index"]


def build_index():
    """One query over the facts, in the directory's order; a provider's rows come together."""
    ids = array("q")
    positions = {}
    rows = ListingFact.objects.order_by("provider__title", "provider_id").values_list(
        "provider_id", "facet", "value"
    )
    for pk, facet, value in rows:
        if not ids or ids[-1] != pk:
            ids.append(pk)
        positions.setdefault((facet, value), []).append(len(ids) - 1)
    masks = {key: _mask(bits, len(ids)) for key, bits in positions.items()}
    departments = list(Department.objects.select_related("region"))
    regions = sorted({d.region_id: d.region for d in departments}.values(), key=_slug)
    choices = {
        REGION: [(r.slug, r.name, str(r.pk)) for r in regions],
        DEPARTMENT: [(d.code, f"{d.code} – {d.name}", str(d.pk)) for d in departments],
        OFFERING: [(o.slug, o.name, str(o.pk)) for o in Offering.objects.all()],
        TOOL: [(t.slug, t.name, str(t.pk)) for t in FreeAlternative.objects.live()],
    }
    return ListingIndex(ids, masks, choices, {d.code: d.region.slug for d in departments})


def _slug(region):
    return region.slug


def _mask(positions, size):
    """An int with these bits set, built in one pass (OR-ing bit by bit would copy it each
    time)."""
    bits = bytearray((size + 7) // 8)
    for position in positions:
        bits[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(bits, "little")


def _set_bits(mask):
    """The positions of the set bits, lowest first."""
    digits = bin(mask)[:1:-1]
    return [position for position, digit in enumerate(digits) if digit == "1"]
