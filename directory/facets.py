"""Directory filters and their counts, from the index of the listed providers' facts.

Every listed provider's filterable facts (type, CHATONS, remote, prestations, tools, areas)
are ListingFact rows written when its profile is saved (listing_facts), held as one bitset
per (filter, value) in listing_index. A request ANDs the bitsets of the chosen filters, counts
each choice's bits among those of the other choices, and loads from the database only the
providers of one page of results: the cost stays flat from 20 providers to 10 000, and each
choice shows how many providers it would leave given the other choices.

A provider that works remotely serves every région and département: choosing one lists it
after the local providers, unless the visitor asks for the structures of the area only.

The département select offers only the départements of the région in focus (the one chosen,
or the région of the chosen département): 101 options would weigh more than the results.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import Rendition

from catalogue.models import FreeAlternative, ProprietaryService

from .listing_facts import CHATONS, DEPARTMENT, OFFERING, REGION, REMOTE, TOOL, TYPE, YES
from .listing_index import listing_index
from .models import ProviderPage, StructureType

MAX_QUERY_LENGTH = 200
# Shorter searches would match a letter inside most tool names.
MIN_TOOL_NAME_QUERY = 2
AREA_FACETS = (REGION, DEPARTMENT)
LOCAL_ONLY = "locales"


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

    def mask(self, index, local=False):
        """The providers this choice keeps; `local` leaves out remote work's reach."""
        keeps = index.mask(self.name, self.fact_of(self.selected))
        if self.reaches_remote and not local:
            return keeps | index.mask(REMOTE, YES)
        return keeps


class DirectorySearch:
    """Reads the GET parameters of /annuaire/ and works out results and counts."""

    def __init__(self, params):
        self.query = params.get("q", "").strip()[:MAX_QUERY_LENGTH]
        self.local_only = params.get(LOCAL_ONLY) == YES
        self._index = listing_index()
        choices = self._index.choices
        self.facets = [
            _facet_of(REGION, _("Région"), _("Toutes les régions"), choices),
            _facet_of(DEPARTMENT, _("Département"), _("Tous les départements"), choices),
            _facet_of(OFFERING, _("Prestation"), _("Toutes les prestations"), choices),
            _facet_of(TOOL, _("Outil"), _("Tous les outils"), choices),
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
        self._listed = self._index.everyone  # the index holds the listed providers only
        if self.query:
            self._listed &= self._index.mask_of(self._matching_search())
        self._region_of_department = self._index.region_of_department
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
        """The matching providers, those of the chosen area first, then by title; the
        paginator loads only the providers of one page, with what their cards show."""
        found = self._matching()
        if self.area_chosen and not self.local_only:
            local = self._matching(local=True)
            return CountedResults(self._index, [local, found & ~local], self._total)
        return CountedResults(self._index, [found], self._total)

    @property
    def local_only_count(self):
        """How many providers the "my région only" box would leave."""
        return self._matching(local=True).bit_count()

    @property
    def remote_only_count(self):
        """Results listed only because they work remotely (after the local ones)."""
        return self._total - self.local_only_count

    @property
    def remote_instead_count(self):
        """Results of the remote search an empty listing suggests."""
        return (self._matching(leaving_out=AREA_FACETS) & self._index.mask(REMOTE, YES)).bit_count()

    def _matching(self, local=False, leaving_out=()):
        """The providers every chosen filter but those named in `leaving_out` keeps."""
        kept = self._listed
        for facet in self.active_facets:
            if facet.name not in leaving_out:
                kept &= facet.mask(self._index, local)
        return kept

    def _matching_search(self):
        """Providers whose indexed text has every word, or who work with a tool so named.

        Tools are matched in the database rather than in the search index, so that a
        service newly listed as replaced ("gmail") or a renamed tool is found at once."""
        found = ProviderPage.objects.search(self.query, operator="and", order_by_relevance=False)
        # The ids alone, unordered: loading thousands of pages to read their ids would cost
        # more. Those not listed (a draft, a private profile) have no bit in the index.
        matching = set(found.get_queryset().order_by().values_list("pk", flat=True))
        if len(self.query) >= MIN_TOOL_NAME_QUERY:
            replaced = ProprietaryService.objects.live().filter(name__icontains=self.query)
            named_tools = FreeAlternative.objects.live().filter(
                Q(name__icontains=self.query) | Q(replaces__in=replaced)
            )
            matching.update(
                ProviderPage.tools.through.objects.filter(
                    freealternative__in=named_tools
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

    def _count_options(self):
        """Each choice's count: its providers among those the other choices keep."""
        offered = self._departments_in_focus()
        self._total = self._matching().bit_count()
        for facet in self.facets:
            others = self._matching(leaving_out=[facet.name])
            reaching = self._index.mask(REMOTE, YES) if facet.reaches_remote else 0
            facet.options = [
                Option(
                    value,
                    label,
                    (
                        (self._index.mask(facet.name, facet.fact_of(value)) | reaching) & others
                    ).bit_count(),
                    value == facet.selected,
                )
                for value, label in facet.choices
                if self._offers(facet, value, offered)
            ]

    def _offers(self, facet, value, offered_departments):
        """Départements of the région in focus only; tools some listed provider works with."""
        if value == facet.selected:
            return True
        if facet.name == DEPARTMENT:
            return value in offered_departments
        if facet.name == TOOL:
            return bool(self._index.mask(TOOL, facet.fact_of(value)) & self._listed)
        return True


class CountedResults:
    """Results whose number is already known: the paginator slices one page of them, whose
    providers are then loaded in one query (and their cards' relations in a few more)."""

    def __init__(self, index, masks, total):
        self.index, self.masks, self.total = index, masks, total

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        ids = self.index.ids_of(self.masks, index)
        pages = (
            ProviderPage.objects.live()
            .filter(pk__in=ids)
            .select_related("logo")
            .prefetch_related(
                "offerings",
                "regions",
                "departments",
                Prefetch("logo__renditions", queryset=Rendition.objects.all()),
            )
            .in_bulk()
        )
        return [pages[pk] for pk in ids if pk in pages]


def _facet_of(name, label, any_label, choices):
    """A filter on one of the index's vocabularies."""
    entries = choices[name]
    return Facet(
        name,
        label,
        [(value, choice_label) for value, choice_label, _fact in entries],
        any_label,
        facts={value: fact for value, _label, fact in entries},
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
