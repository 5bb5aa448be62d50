"""Directory filters and their counts, computed in the database in a fixed number of queries.

Every listed provider's filterable facts (type, CHATONS, remote, prestations, tools, areas)
are ListingFact rows written when its profile is saved (listing_facts). A request counts
them in one SQL query (a UNION of GROUP BYs, each filtered by the other choices), reads
one page of results in another, and never loads every provider: the cost stays flat from 20
providers to 10 000, and each choice shows how many providers it would leave given the
other choices.

A provider that works remotely serves every région and département: choosing one lists it
after the local providers, unless the visitor asks for the structures of the area only.

The département select offers only the départements of the région in focus (the one chosen,
or the région of the chosen département): 101 options would weigh more than the results.
"""

from dataclasses import dataclass, field

from django.db.models import Case, Count, Exists, OuterRef, Prefetch, Q, Value, When
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import Rendition

from catalogue.models import FreeAlternative, ProprietaryService

from .listing_facts import CHATONS, DEPARTMENT, OFFERING, REGION, REMOTE, TOOL, TYPE, YES
from .models import Department, ListingFact, Offering, ProviderPage, StructureType

MAX_QUERY_LENGTH = 200
# Shorter searches would match a letter inside most tool names.
MIN_TOOL_NAME_QUERY = 2
AREA_FACETS = (REGION, DEPARTMENT)
LOCAL_ONLY = "locales"
# Labels of the counts the query returns besides the choices' own.
TOTAL, LOCAL, REMOTE_INSTEAD, REACHING = "_total", "_local", "_remote_instead", "_reaching"


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    """One filter: its GET parameter, its label, and the choices it offers.

    `facts` maps each choice to the ListingFact value that stands for it (a primary key for
    what editors may rename)."""

    name: str
    label: str
    choices: list  # (value, label) pairs
    any_label: str = ""
    boolean: bool = False
    facts: dict = field(default_factory=dict)
    selected: str = ""
    options: list = field(default_factory=list)
    selected_label: str = ""
    remove_query: str = ""
    reaches_remote: bool = False  # an area: providers working remotely serve all of them

    def fact_of(self, value):
        return self.facts.get(value, value)

    def condition(self, local=False):
        """Providers this choice keeps; `local` leaves out the reach of remote work."""
        has_fact = Exists(
            ListingFact.objects.filter(
                provider=OuterRef("pk"), facet=self.name, value=self.fact_of(self.selected)
            )
        )
        if self.reaches_remote and not local:
            return Q(has_fact) | Q(remote=True)
        return Q(has_fact)


class DirectorySearch:
    """Reads the GET parameters of /annuaire/ and works out results and counts."""

    def __init__(self, index_page, params):
        self.query = params.get("q", "").strip()[:MAX_QUERY_LENGTH]
        self.local_only = params.get(LOCAL_ONLY) == YES
        self._providers_qs = ProviderPage.objects.child_of(index_page).live().public()
        departments = list(Department.objects.select_related("region"))
        regions = sorted({d.region_id: d.region for d in departments}.values(), key=_slug)
        offerings = list(Offering.objects.all())
        tools = list(
            FreeAlternative.objects.live().filter(providers__in=self._providers_qs).distinct()
        )
        self.facets = [
            Facet(
                REGION,
                _("Région"),
                [(r.slug, r.name) for r in regions],
                _("Toutes les régions"),
                facts={r.slug: str(r.pk) for r in regions},
            ),
            Facet(
                DEPARTMENT,
                _("Département"),
                [(d.code, f"{d.code} – {d.name}") for d in departments],
                _("Tous les départements"),
                facts={d.code: str(d.pk) for d in departments},
            ),
            Facet(
                OFFERING,
                _("Prestation"),
                [(o.slug, o.name) for o in offerings],
                _("Toutes les prestations"),
                facts={o.slug: str(o.pk) for o in offerings},
            ),
            Facet(
                TOOL,
                _("Outil"),
                [(t.slug, t.name) for t in tools],
                _("Tous les outils"),
                facts={t.slug: str(t.pk) for t in tools},
            ),
            Facet(TYPE, _("Type de structure"), list(StructureType.choices), _("Tous les types")),
            Facet(CHATONS, _("Membre du collectif CHATONS"), [(YES, _("Oui"))], boolean=True),
            Facet(REMOTE, _("Travaille à distance"), [(YES, _("Oui"))], boolean=True),
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
        self._listed = self._providers_qs
        if self.query:
            self._listed = self._listed.filter(pk__in=self._matching_search())
        self._region_of_department = {d.code: d.region.slug for d in departments}
        self._count_options()

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
    def results(self):
        """The matching providers' ids, those of the chosen area first, then by title; the
        paginator reads their number from the counts and only one page of them."""
        ids = self._listed.filter(self._matching()).order_by("title", "pk")
        if self.area_chosen and not self.local_only:
            local_first = Case(When(self._matching(local=True), then=Value(0)), default=Value(1))
            ids = ids.annotate(remote_only=local_first).order_by("remote_only", "title", "pk")
        return CountedResults(ids.values_list("pk", flat=True), self._totals[TOTAL])

    @property
    def local_only_count(self):
        """How many providers the "my région only" box would leave."""
        return self._totals[LOCAL]

    @property
    def remote_only_count(self):
        """Results listed only because they work remotely (after the local ones)."""
        return self._totals[TOTAL] - self._totals[LOCAL]

    @property
    def remote_instead_count(self):
        """Results of the remote search an empty listing suggests."""
        return self._totals[REMOTE_INSTEAD]

    def _matching(self, local=False, leaving_out=()):
        """The condition of every chosen filter but those named in `leaving_out`."""
        conditions = [
            facet.condition(local)
            for facet in self.active_facets
            if facet.name not in leaving_out
        ]
        return Q(*conditions)

    def providers_for(self, ids):
        """The providers of one results page, with what their cards show, in result order."""
        ids = list(ids)
        pages = (
            ProviderPage.objects.filter(pk__in=ids)
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
        matching = {
            page.pk
            for page in self._providers_qs.search(
                self.query, operator="and", order_by_relevance=False
            )
        }
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

    def _departments_in_focus(self):
        """The département choices offered: those of the région in focus, and the chosen one."""
        facets = {facet.name: facet for facet in self.facets}
        chosen = facets[DEPARTMENT].selected
        focus = facets[REGION].selected or self._region_of_department.get(chosen)
        return [
            code
            for code, _label in facets[DEPARTMENT].choices
            if self._region_of_department[code] == focus or code == chosen
        ]

    def _count_queries(self, offered_departments):
        """One query per count, to be sent as a single UNION ALL."""
        queries = [
            _count(TOTAL, self._listed.filter(self._matching())),
            _count(LOCAL, self._listed.filter(self._matching(local=True))),
            _count(
                REMOTE_INSTEAD,
                self._listed.filter(self._matching(leaving_out=AREA_FACETS), remote=True),
            ),
        ]
        for facet in self.facets:
            providers = self._listed.filter(self._matching(leaving_out=[facet.name]))
            facts = ListingFact.objects.filter(facet=facet.name)
            if facet.name == DEPARTMENT:
                facts = facts.filter(value__in=[facet.fact_of(c) for c in offered_departments])
            if facet.reaches_remote:
                # Remote providers count once for every area, whatever areas they list.
                queries.append(_count(REACHING + facet.name, providers.filter(remote=True)))
                providers = providers.filter(remote=False)
            queries.append(
                facts.filter(provider__in=providers.values("pk"))
                .order_by()
                .values("facet", "value")
                .annotate(n=Count("pk"))
                .values_list("facet", "value", "n")
            )
        return queries

    def _count_options(self):
        offered_departments = self._departments_in_focus()
        first, *rest = self._count_queries(offered_departments)
        counts = {(name, value): n for name, value, n in first.union(*rest, all=True)}
        self._totals = {label: counts.get((label, ""), 0) for label in (TOTAL, LOCAL)}
        self._totals[REMOTE_INSTEAD] = counts.get((REMOTE_INSTEAD, ""), 0)
        for facet in self.facets:
            reaching = counts.get((REACHING + facet.name, ""), 0)
            choices = facet.choices
            if facet.name == DEPARTMENT:
                choices = [(c, label) for c, label in choices if c in offered_departments]
            facet.options = [
                Option(
                    value,
                    label,
                    counts.get((facet.name, facet.fact_of(value)), 0) + reaching,
                    value == facet.selected,
                )
                for value, label in choices
            ]


class CountedResults:
    """Result ids whose number is already known: the paginator slices one page of them."""

    def __init__(self, ids, total):
        self.ids, self.total = ids, total

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        return self.ids[index]


def _slug(region):
    return region.slug


def _count(label, providers):
    """A one-row count, shaped like the choices' counts (label, "", number)."""
    return (
        providers.order_by()
        .values(facet=Value(label), value=Value(""))
        .annotate(n=Count("pk"))
        .values_list("facet", "value", "n")
    )


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
