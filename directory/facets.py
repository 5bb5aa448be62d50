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
from functools import partial

from django.db.models import Case, Count, Prefetch, Q, Value, When
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

    def condition(self, key, local=False):
        """The providers this choice keeps, as a condition on `key` (a provider's id, on
        providers or on facts; both have `remote`); `local` leaves out remote work's reach."""
        chosen = ListingFact.objects.filter(facet=self.name, value=self.fact_of(self.selected))
        keeps = Q(**{f"{key}__in": chosen.values("provider_id")})
        if self.reaches_remote and not local:
            return keeps | Q(remote=True)
        return keeps


class DirectorySearch:
    """Reads the GET parameters of /annuaire/ and works out results and counts."""

    def __init__(self, index_page, params):
        self.query = params.get("q", "").strip()[:MAX_QUERY_LENGTH]
        self.local_only = params.get(LOCAL_ONLY) == YES
        self._providers_qs = ProviderPage.objects.child_of(index_page).live().public()
        departments = list(Department.objects.select_related("region"))
        regions = sorted({d.region_id: d.region for d in departments}.values(), key=_slug)
        offerings = list(Offering.objects.all())
        tools = list(FreeAlternative.objects.live())
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
        """The matching providers, those of the chosen area first, then by title, with what
        their cards show; the paginator reads their number from the counts and loads only
        the providers of one page."""
        pages = (
            self._listed.filter(self._matching("pk"))
            .order_by("title", "pk")
            .select_related("logo")
            .prefetch_related(
                "offerings",
                "regions",
                "departments",
                Prefetch("logo__renditions", queryset=Rendition.objects.all()),
            )
        )
        if self.area_chosen and not self.local_only:
            local = self._matching("pk", local=True)
            local_first = Case(When(local, then=Value(0)), default=Value(1))
            pages = pages.annotate(remote_only=local_first).order_by("remote_only", "title", "pk")
        return CountedResults(pages, self._totals[TOTAL])

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

    def _matching(self, key, local=False, leaving_out=()):
        """The condition of every chosen filter but those named in `leaving_out`."""
        conditions = [
            facet.condition(key, local)
            for facet in self.active_facets
            if facet.name not in leaving_out
        ]
        return Q(*conditions)

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

    def _counts(self, offered_departments):
        """One grouped query over the listed providers' facts: for each (filter, value), how
        many providers it would leave given the other choices; and, summed over the rows that
        stand for one provider each (its type, its remote work), the totals."""
        on_facts = partial(self._matching, "provider_id")
        option_rows = Q()
        for facet in self.facets:
            rows = Q(facet=facet.name) & on_facts(leaving_out=[facet.name])
            if facet.reaches_remote:
                rows &= Q(remote=False)  # remote providers count through REACHING instead
            option_rows |= rows
        per_provider, per_remote_provider = Q(facet=TYPE), Q(facet=REMOTE)
        other_departments = Q(facet=DEPARTMENT) & ~Q(value__in=offered_departments)
        facts = ListingFact.objects.all()  # listed providers only (see listing_facts)
        if self.query:
            facts = facts.filter(provider__in=self._listed.values("pk"))
        return (
            facts.exclude(other_departments)
            .order_by()
            .values("facet", "value")
            .annotate(
                n=Count("pk", filter=option_rows),
                **{
                    TOTAL: Count("pk", filter=per_provider & on_facts()),
                    LOCAL: Count("pk", filter=per_provider & on_facts(local=True)),
                    REMOTE_INSTEAD: Count(
                        "pk", filter=per_remote_provider & on_facts(leaving_out=AREA_FACETS)
                    ),
                    **{
                        REACHING + area: Count(
                            "pk", filter=per_remote_provider & on_facts(leaving_out=[area])
                        )
                        for area in AREA_FACETS
                    },
                },
            )
        )

    def _count_options(self):
        facets = {facet.name: facet for facet in self.facets}
        offered = self._departments_in_focus()
        rows = list(self._counts([facets[DEPARTMENT].fact_of(code) for code in offered]))
        counts = {(row["facet"], row["value"]): row["n"] for row in rows}
        sums = [TOTAL, LOCAL, REMOTE_INSTEAD, *(REACHING + area for area in AREA_FACETS)]
        self._totals = {label: sum(row[label] for row in rows) for label in sums}
        for facet in self.facets:
            reaching = self._totals.get(REACHING + facet.name, 0) if facet.reaches_remote else 0
            facet.options = [
                Option(
                    value,
                    label,
                    counts.get((facet.name, facet.fact_of(value)), 0) + reaching,
                    value == facet.selected,
                )
                for value, label in facet.choices
                if self._offers(facet, value, offered, counts)
            ]

    @staticmethod
    def _offers(facet, value, offered_departments, counts):
        """Départements of the région in focus only; tools some listed provider works with."""
        if value == facet.selected:
            return True
        if facet.name == DEPARTMENT:
            return value in offered_departments
        if facet.name == TOOL:
            return (TOOL, facet.fact_of(value)) in counts
        return True


class CountedResults:
    """Results whose number is already known: the paginator slices one page of them."""

    def __init__(self, pages, total):
        self.pages, self.total = pages, total

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        return self.pages[index]


def _slug(region):
    return region.slug


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
