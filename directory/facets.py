"""Directory filters and their counts, computed from a fixed number of queries.

The facts filters need (type, CHATONS, remote, and the ids of prestations, tools and areas)
are read for every listed provider in one query per relation, then combined in memory:
the query count stays the same whether the directory lists 20 providers or 2,000, and
every choice can show how many providers it would leave given the other choices.

A provider that works remotely serves every région and département: choosing one lists it
after the local providers, unless the visitor asks for the structures of the area only.

The département select offers only the départements of the région in focus (the one chosen,
or the région of the chosen département): 101 options would weigh more than the results.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import Rendition

from catalogue.models import FreeAlternative, ProprietaryService

from .models import Department, Offering, ProviderPage, Region, StructureType

MAX_QUERY_LENGTH = 200
# Shorter searches would match a letter inside most tool names.
MIN_TOOL_NAME_QUERY = 2
YES = "1"
AREA_FACETS = ("region", "departement")
LOCAL_ONLY = "locales"


@dataclass
class ProviderFacts:
    pk: int
    title: str
    remote: bool = False
    values: dict = field(default_factory=lambda: defaultdict(set))


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    """One filter: its GET parameter, its label, and the choices it offers."""

    name: str
    label: str
    choices: list  # (value, label) pairs
    any_label: str = ""
    boolean: bool = False
    selected: str = ""
    options: list = field(default_factory=list)
    selected_label: str = ""
    remove_query: str = ""
    reaches_remote: bool = False  # an area: providers working remotely serve all of them

    def matches(self, provider, local=False):
        """Whether the provider stays listed; `local` leaves out the reach of remote work."""
        if not self.selected or self.selected in provider.values[self.name]:
            return True
        return self.reaches_remote and provider.remote and not local

    def values_matched_by(self, provider):
        """The choices under which the provider would be listed, for the counts."""
        if self.reaches_remote and provider.remote:
            return [value for value, _label in self.choices]
        return provider.values[self.name]


class DirectorySearch:
    """Reads the GET parameters of /annuaire/ and works out results and counts."""

    def __init__(self, index_page, params):
        self.query = params.get("q", "").strip()[:MAX_QUERY_LENGTH]
        self.local_only = params.get(LOCAL_ONLY) == YES
        self._providers_qs = ProviderPage.objects.child_of(index_page).live().public()
        regions = list(Region.objects.order_by("slug"))
        departments = list(Department.objects.all())
        offerings = list(Offering.objects.all())
        tools = list(
            FreeAlternative.objects.live().filter(providers__in=self._providers_qs).distinct()
        )
        self.facets = [
            Facet(
                "region",
                _("Région"),
                [(r.slug, r.name) for r in regions],
                _("Toutes les régions"),
            ),
            Facet(
                "departement",
                _("Département"),
                [(d.code, f"{d.code} – {d.name}") for d in departments],
                _("Tous les départements"),
            ),
            Facet(
                "prestation",
                _("Prestation"),
                [(o.slug, o.name) for o in offerings],
                _("Toutes les prestations"),
            ),
            Facet("outil", _("Outil"), [(t.slug, t.name) for t in tools], _("Tous les outils")),
            Facet("type", _("Type de structure"), list(StructureType.choices), _("Tous les types")),
            Facet("chatons", _("Membre du collectif CHATONS"), [(YES, _("Oui"))], boolean=True),
            Facet("distance", _("Travaille à distance"), [(YES, _("Oui"))], boolean=True),
        ]
        for facet in self.facets:
            value = params.get(facet.name, "")
            if value in dict(facet.choices):
                facet.selected = value
                facet.selected_label = dict(facet.choices)[value]
                facet.remove_query = _query_without(params, facet.name)
            facet.reaches_remote = facet.name in AREA_FACETS and not self.local_only
        self.remove_search_query = _query_without(params, "q")
        self.remove_local_only_query = _query_without(params, LOCAL_ONLY)
        self.remote_query = _remote_instead(params)
        self._providers = self._load_facts(regions, departments, offerings, tools)
        self._count_options()
        self._offer_departments_of_region_in_focus(regions, departments)
        self._results = self._sorted_results()

    @property
    def active_facets(self):
        return [facet for facet in self.facets if facet.selected]

    @property
    def area_chosen(self):
        return any(facet.selected for facet in self.facets if facet.name in AREA_FACETS)

    @property
    def active_filter_count(self):
        return len(self.active_facets) + bool(self.query) + self.local_only

    @property
    def is_filtered(self):
        return bool(self.query or self.active_facets or self.local_only)

    @property
    def result_ids(self):
        return [provider.pk for provider in self._results]

    @property
    def local_only_count(self):
        """How many providers the "my région only" box would leave."""
        return sum(self._is_local_match(provider) for provider in self._providers)

    @property
    def remote_only_count(self):
        """Results listed only because they work remotely (after the local ones)."""
        return sum(not self._is_local_match(provider) for provider in self._results)

    @property
    def remote_instead_count(self):
        """Results of the remote search an empty listing suggests."""
        return sum(
            provider.remote
            and all(f.matches(provider) for f in self.facets if f.name not in AREA_FACETS)
            for provider in self._providers
        )

    def _is_local_match(self, provider):
        return all(facet.matches(provider, local=True) for facet in self.facets)

    def _sorted_results(self):
        """Matching providers by title, those of the chosen area before those working remotely."""
        results = [p for p in self._providers if all(f.matches(p) for f in self.facets)]
        return sorted(results, key=lambda provider: not self._is_local_match(provider))

    def providers_for(self, ids):
        """The providers of one results page, with what their cards show, in result order."""
        pages = (
            ProviderPage.objects.filter(pk__in=list(ids))
            .select_related("logo")
            .prefetch_related(
                "offerings",
                "regions",
                "departments",
                Prefetch("logo__renditions", queryset=Rendition.objects.all()),
            )
        )
        by_pk = {page.pk: page for page in pages}
        return [by_pk[pk] for pk in ids if pk in by_pk]

    def _matching_search(self):
        """Providers whose indexed text has every word, or who work with a tool so named.

        Tools are matched in the database rather than in the search index, so that a
        service newly listed as replaced ("gmail") or a renamed tool is found at once."""
        matching = {page.pk for page in self._providers_qs.search(self.query, operator="and")}
        if len(self.query) >= MIN_TOOL_NAME_QUERY:
            replaced = ProprietaryService.objects.live().filter(name__icontains=self.query)
            named_tools = FreeAlternative.objects.live().filter(
                Q(name__icontains=self.query) | Q(replaces__in=replaced)
            )
            matching.update(
                ProviderPage.tools.through.objects.filter(
                    providerpage__in=self._providers_qs, freealternative__in=named_tools
                ).values_list("providerpage_id", flat=True)
            )
        return matching

    def _load_facts(self, regions, departments, offerings, tools):
        matching_search = self._matching_search() if self.query else None
        providers = {}
        for pk, title, structure_type, chatons, remote in self._providers_qs.order_by(
            "title"
        ).values_list("pk", "title", "structure_type", "chatons_member", "remote"):
            if matching_search is not None and pk not in matching_search:
                continue
            facts = ProviderFacts(pk, title, remote)
            facts.values["type"].add(structure_type)
            if chatons:
                facts.values["chatons"].add(YES)
            if remote:
                facts.values["distance"].add(YES)
            providers[pk] = facts
        self._add_relations(providers, regions, departments, offerings, tools)
        return list(providers.values())

    def _add_relations(self, providers, regions, departments, offerings, tools):
        """Prestations, tools and areas; a région covers its départements and the reverse."""
        region_slug = {r.pk: r.slug for r in regions}
        department_code = {d.pk: d.code for d in departments}
        department_region = {d.pk: d.region_id for d in departments}
        codes_by_region = defaultdict(set)
        for department in departments:
            codes_by_region[department.region_id].add(department.code)
        offering_slug = {o.pk: o.slug for o in offerings}
        tool_slug = {t.pk: t.slug for t in tools}

        def through_rows(relation, target):
            through = getattr(ProviderPage, relation).through
            return through.objects.filter(providerpage__in=self._providers_qs).values_list(
                "providerpage_id", f"{target}_id"
            )

        for pk, offering_id in through_rows("offerings", "offering"):
            if pk in providers:
                providers[pk].values["prestation"].add(offering_slug[offering_id])
        for pk, tool_id in through_rows("tools", "freealternative"):
            if pk in providers and tool_id in tool_slug:  # drafts are not filters
                providers[pk].values["outil"].add(tool_slug[tool_id])
        for pk, region_id in through_rows("regions", "region"):
            if pk in providers:
                providers[pk].values["region"].add(region_slug[region_id])
                providers[pk].values["departement"].update(codes_by_region[region_id])
        for pk, department_id in through_rows("departments", "department"):
            if pk in providers:
                providers[pk].values["departement"].add(department_code[department_id])
                providers[pk].values["region"].add(region_slug[department_region[department_id]])

    def _offer_departments_of_region_in_focus(self, regions, departments):
        facets = {facet.name: facet for facet in self.facets}
        region_slug = {region.pk: region.slug for region in regions}
        code_region = {d.code: region_slug[d.region_id] for d in departments}
        focus = facets["region"].selected or code_region.get(facets["departement"].selected)
        facets["departement"].options = [
            option
            for option in facets["departement"].options
            if code_region[option.value] == focus or option.selected
        ]

    def _count_options(self):
        for facet in self.facets:
            others = [f for f in self.facets if f is not facet]
            counts = Counter()
            for provider in self._providers:
                if all(f.matches(provider) for f in others):
                    counts.update(facet.values_matched_by(provider))
            facet.options = [
                Option(value, label, counts[value], value == facet.selected)
                for value, label in facet.choices
            ]


def _query_without(params, name):
    """The query string of the current listing minus one filter (and back to page 1)."""
    kept = params.copy()
    for key in (name, "page"):
        kept.pop(key, None)
    return "?" + kept.urlencode() if kept else ""


def _remote_instead(params):
    """The same search among providers that work remotely, wherever the association is."""
    kept = params.copy()
    for key in (*AREA_FACETS, LOCAL_ONLY, "page"):
        kept.pop(key, None)
    kept["distance"] = YES
    return "?" + kept.urlencode()
