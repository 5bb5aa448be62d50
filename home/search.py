"""The site search over every kind of content, each app contributing its own kind of result.

Home knows pages only. Higher apps (guides, services to replace and free alternatives,
providers, webinars) register `ResultKind`s through the `register_search_result_kind` hook,
so that home imports none of them. Every page kind is found by one search over the page tree,
which reads the fields each kind asks for from its own table; a kind that is not a page
(the catalogue's snippets) finds its results itself, in one query or two. Pages that no kind
claims are shown as "Page".

Results are ordered so that the thing searched for comes first: a result named exactly as
the query, then one whose title holds every word of it, then by kind (a service to replace
before a guide, a guide before a legal page), then by relevance.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Coalesce, Length, Substr
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend

from home.search_terms import fold, search_terms, title_matcher

HOOK = "register_search_result_kind"
# Where to go after a search that found nothing: each hook function takes the request and
# returns objects with a `label`, a `description` and a `url` (the diagnostic's ways in).
WAYS_IN_HOOK = "search_ways_in"
# The most results read for one search of one model: enough for any real search of the hub,
# and a bound on memory when a short word matches everything.
MAX_RESULTS = 300


@dataclass(frozen=True)
class ResultKind:
    """What a result is, as the visitor reads it, and how its results are found.

    A page kind names its `page_model`, the `page_fields` of that model it needs, and
    `page_result(page, fields, search)`, which turns a found page (a plain `Page`) and a dict
    of those fields into a `Result`. Any other kind gives `find(search)`, which returns
    `Result`s with `SiteSearch.found()`; a page kind may give both (providers add those who
    help to leave a service named by the query)."""

    slug: str
    label: str
    plural: str
    order: int
    find: Callable | None = None
    page_model: type | None = None
    page_fields: tuple = ()
    page_result: Callable | None = None


@dataclass(frozen=True)
class Result:
    kind: ResultKind
    title: str
    url: str
    summary: str = ""
    detail: str = ""
    relevance: float = 0.0
    page_id: int | None = None
    # What the query is compared with when the title adds words ("Remplacer Gmail": Gmail).
    name: str = ""

    def present(self):
        return self


@dataclass(frozen=True)
class PageHit:
    """A page found, not shown yet: ranking reads only its title and relevance, and its kind
    makes its `Result` (address, summary) only if it lands on the page of results shown. A
    word can find thousands of providers."""

    kind: ResultKind
    page: object
    fields: dict
    search: object
    name = ""

    @property
    def title(self):
        return self.page.title

    @property
    def relevance(self):
        return self.page.relevance

    @property
    def page_id(self):
        return self.page.pk

    def present(self):
        return self.kind.page_result(self.page, self.fields, self.search)


def visible_page_ids():
    """Live pages outside every private section, as a subquery: no query of its own."""
    restricts = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return Page.objects.live().exclude(Exists(restricts)).values("pk")


@dataclass
class SiteSearch:
    """One search: the query, and what every kind needs to find its results."""

    query: str
    request: object
    terms: list = field(init=False)
    memo: dict = field(init=False, default_factory=dict)

    def __post_init__(self):
        self.terms = search_terms(self.query)

    def visible_pages(self, queryset):
        return queryset.filter(pk__in=visible_page_ids())

    def found(self, queryset):
        """The queryset's matches, each with its `relevance` (higher is better)."""
        # Through the backend rather than `queryset.search()`, which snippets' querysets lack.
        found = get_search_backend().search(self.query, queryset, operator="and")
        matches = list(found.annotate_score("_score")[:MAX_RESULTS])
        # SQLite's bm25 is lower for a better match; PostgreSQL's rank is higher.
        sign = -1 if connection.vendor == "sqlite" else 1
        for match in matches:
            match.relevance = sign * (match._score or 0.0)
        return matches

    def page_hit(self, kind, page):
        """A page of `kind` found (with its `relevance`), its `page_fields` read off it."""
        return PageHit(kind, page, {name: getattr(page, name) for name in kind.page_fields}, self)

    def once(self, key, compute):
        """A value computed once per search and shared by kinds (the catalogue page, say)."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]


def ways_in(request):
    return [way for contribute in hooks.get_hooks(WAYS_IN_HOOK) for way in contribute(request)]


def registered_kinds():
    """Each hook function returns the list of kinds its app contributes."""
    kinds = [kind for contribute in hooks.get_hooks(HOOK) for kind in contribute()]
    return sorted([*kinds, PAGE_KIND], key=lambda kind: kind.order)


def field_alias(kind, name):
    return f"{kind.slug}_{name}"


def page_results(search, kinds):
    """Every page kind's results from one search of the page tree.

    Each kind's fields are read through the page's link to its own table (`guidepage__kind`),
    so that no page is loaded a second time as its specific class."""
    page_kinds = [kind for kind in kinds if kind.page_model is not None]
    annotations = {
        field_alias(kind, name): F(f"{kind.page_model._meta.model_name}__{name}")
        for kind in page_kinds
        for name in kind.page_fields
    }
    # "Page" shows the introduction of home's own pages (the legal ones, "À propos").
    annotations[field_alias(PAGE_KIND, "introduction")] = Coalesce(
        F("standardpage__introduction"), F("homepage__introduction")
    )
    kind_of = {
        content_type.pk: kind
        for kind in page_kinds
        for content_type in [ContentType.objects.get_for_model(kind.page_model)]
    }
    pages = search.visible_pages(Page.objects.filter(depth__gt=1)).annotate(**annotations)
    hits = []
    for page in search.found(pages):
        kind = kind_of.get(page.content_type_id, PAGE_KIND)
        fields = {name: getattr(page, field_alias(kind, name)) for name in kind.page_fields}
        hits.append(PageHit(kind, page, fields, search))
    return hits


def ranked(results, query, terms):
    """Named as the query first, then every word in the title, then by kind and relevance."""
    folded = fold(query)
    matches_title = title_matcher(terms)

    def key(result):
        name = result.name or result.title
        return (
            fold(name) != folded,
            not matches_title(name),
            result.kind.order,
            -result.relevance,
        )

    return sorted(results, key=key)


def run_search(search, kinds):
    """Every kind's results, ranked: `Result`s and `PageHit`s, whose `present()` gives the
    `Result` to show."""
    if not search.terms:
        return []
    results = page_results(search, kinds)
    for kind in kinds:
        if kind.find is not None:
            results += kind.find(search)
    # A page found both by its words and by a kind's own search is listed once, as found first.
    seen, unique = set(), []
    for result in results:
        if result.page_id is None or result.page_id not in seen:
            unique.append(result)
            seen.add(result.page_id)
    return ranked(unique, search.query, search.terms)


def other_page(page, fields, search):
    """A page no other kind shows (legal notice, about page, section index)."""
    return Result(
        kind=PAGE_KIND,
        title=page.title,
        url=page.get_url(search.request),
        summary=fields["introduction"] or page.search_description,
        relevance=page.relevance,
        page_id=page.pk,
    )


PAGE_KIND = ResultKind(
    slug="page",
    label=_("Page"),
    plural=_("Pages"),
    order=100,
    page_fields=("introduction",),
    page_result=other_page,
)
