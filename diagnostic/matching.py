"""Which providers fit an association's answers, best first, each with its reasons in French.

The score adds up plain facts, in this order of weight:

- the area: serves the association's département (30 points), else its région (20), else works
  remotely (10). Providers that do none of these are not candidates at all;
- the tools: 10 points for each chosen tool one of whose free alternatives the provider hosts
  or supports (at most 3 tools counted);
- the wished prestations: 8 points for each wish the provider answers (être formée:
  formation-utilisateurs or formation-referents; être accompagnée: diagnostic, analyse-besoins,
  installation-migration or mediation; être hébergée: hebergement; faire soi-même:
  support-documentation), and 8 if funding is to be sought and it offers financement;
- adapted prices: 5 points when the association has no or a small budget.

A provider fits when it brings at least one tool or one prestation; area alone is not enough.
Then: providers accepting new associations before full ones (still shown, marked "complet pour
le moment"), higher score first, then the most recently reviewed profile, then the title.
At most five. When none fits, the result says so and offers the closest remote providers.

`rank()` is pure and works on `ProviderFacts`; `load_candidates()` reads them from the database
in a fixed number of queries. With thousands of providers, `shortlist()` first computes the same
score in the database, from the directory's listing facts, and keeps only the providers that can
make the result (those tied with the last one included): the ranking is still `rank()`'s.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    ExpressionWrapper,
    F,
    Q,
    Value,
    When,
    Window,
)
from django.db.models.functions import Cast, Least, Rank
from django.db.models.lookups import GreaterThan
from django.utils.translation import gettext as _

from catalogue.models import FreeAlternative
from diagnostic.answers import Means, Wish
from directory import listing_facts
from directory.models import ListingFact, Offering, ProviderPage

DEPARTMENT, REGION, REMOTE = "departement", "region", "distance"
AREA_POINTS = {DEPARTMENT: 30, REGION: 20, REMOTE: 10}
TOOL_POINTS, MAX_TOOLS_COUNTED = 10, 3
OFFERING_POINTS = 8
PRICE_POINTS = 5
MAX_MATCHES = 5
MAX_FALLBACK = 3

# What each wish asks of a provider, as directory offering slugs.
WISHED_OFFERINGS = {
    Wish.TRAINED: ("formation-utilisateurs", "formation-referents"),
    Wish.ACCOMPANIED: ("diagnostic", "analyse-besoins", "installation-migration", "mediation"),
    Wish.HOSTED: ("hebergement",),
    Wish.DIY: ("support-documentation",),
}
FUNDING_OFFERINGS = ("financement",)
HOSTING = "hebergement"


@dataclass(frozen=True)
class ProviderFacts:
    """What the ranking needs to know of a provider, read once from the database."""

    pk: int
    title: str
    remote: bool = False
    prices_adapted: bool = False
    accepting: bool = True
    last_reviewed: datetime.date = datetime.date.min
    department_ids: frozenset = frozenset()
    region_ids: frozenset = frozenset()  # régions it covers entirely
    partial_region_ids: frozenset = frozenset()  # régions of the départements it covers
    offerings: dict = field(default_factory=dict, hash=False)  # slug -> name
    tool_ids: frozenset = frozenset()


@dataclass(frozen=True)
class AlternativeFact:
    """A live free alternative of one of the chosen tools."""

    pk: int
    name: str
    service_id: int
    hostable: bool = True  # server software, rather than an app to install


@dataclass
class Match:
    provider: object  # ProviderPage, or ProviderFacts before the pages are loaded
    reasons: list
    score: int
    accepting: bool = True


@dataclass
class Proposal:
    """What the result shows: the matches, or, when none fits, the closest remote providers."""

    matches: list
    fallback: list = field(default_factory=list)

    @property
    def nothing_found(self):
        return not self.matches


def wished_offerings(answers):
    """The offering slugs the answers ask for, wish by wish (a funding search is one too)."""
    wanted = [WISHED_OFFERINGS[Wish(wish)] for wish in answers.wishes]
    if answers.means == Means.FUNDING:
        wanted.append(FUNDING_OFFERINGS)
    return wanted


def area_of(answers, provider):
    """How the provider reaches the association: DEPARTMENT, REGION, REMOTE, or None."""
    if answers.department is not None:
        if (
            answers.department.pk in provider.department_ids
            or answers.region.pk in provider.region_ids
        ):
            return DEPARTMENT
        if answers.region.pk in provider.partial_region_ids:
            return REGION
    return REMOTE if provider.remote else None


def _area_reason(answers, area):
    if area == DEPARTMENT:
        return _("intervient sur place : %(department)s") % {"department": answers.department}
    if area == REGION:
        return _("intervient dans votre région : %(region)s") % {"region": answers.region.name}
    return _("travaille à distance")


def _lower_first(text):
    return text[:1].lower() + text[1:]


def score(answers, provider, alternatives):
    """(score, reasons, fits) of one candidate; `alternatives` are the chosen tools' ones."""
    area = area_of(answers, provider)
    if area is None:
        return 0, [], False
    points, reasons = AREA_POINTS[area], []

    hosted = [alt for alt in alternatives if alt.pk in provider.tool_ids]
    covered_services = {alt.service_id for alt in hosted}
    points += TOOL_POINTS * min(len(covered_services), MAX_TOOLS_COUNTED)
    hosts = HOSTING in provider.offerings
    for verb, alts in (
        (_("héberge %(tools)s"), [alt for alt in hosted if hosts and alt.hostable]),
        (_("maîtrise %(tools)s"), [alt for alt in hosted if not (hosts and alt.hostable)]),
    ):
        if alts:
            reasons.append(verb % {"tools": ", ".join(dict.fromkeys(alt.name for alt in alts))})
    reasons.append(_area_reason(answers, area))

    offered = []
    for slugs in wished_offerings(answers):
        found = [slug for slug in slugs if slug in provider.offerings]
        if found:
            points += OFFERING_POINTS
            offered += [slug for slug in found if slug not in offered]
    if offered:
        names = ", ".join(_lower_first(provider.offerings[slug]) for slug in offered)
        reasons.append(_("propose : %(offerings)s") % {"offerings": names})

    if answers.small_budget and provider.prices_adapted:
        points += PRICE_POINTS
        reasons.append(_("tarifs adaptés aux associations"))
    return points, reasons, bool(hosted or offered)


def _order(match):
    facts = match.provider
    return (not match.accepting, -match.score, -facts.last_reviewed.toordinal(), facts.title)


def rank(answers, candidates, alternatives, limit=MAX_MATCHES):
    """The Proposal for these facts: pure, so the ordering rules are tested without a database."""
    fitting, remote = [], []
    for facts in candidates:
        points, reasons, fits = score(answers, facts, alternatives)
        if not reasons:
            continue
        match = Match(facts, reasons, points, facts.accepting)
        if fits:
            fitting.append(match)
        elif facts.remote:
            remote.append(match)
    if fitting:
        return Proposal(sorted(fitting, key=_order)[:limit])
    return Proposal([], sorted(remote, key=_order)[:MAX_FALLBACK])


# Loading from the database -----------------------------------------------------------------


def load_alternatives(service_ids):
    """The live free alternatives of the chosen tools, one row per (alternative, tool)."""
    through = FreeAlternative.replaces.through
    rows = (
        through.objects.filter(proprietaryservice_id__in=service_ids, freealternative__live=True)
        .order_by("freealternative__name")
        .values_list(
            "freealternative_id",
            "freealternative__name",
            "proprietaryservice_id",
            "freealternative__self_hostable",
        )
    )
    return [AlternativeFact(*row) for row in rows]


def _through_rows(relation, providers, *fields, **filters):
    """Rows of a provider many-to-many table, for the candidate providers only."""
    descriptor = getattr(ProviderPage, relation)
    source = descriptor.rel.field.m2m_field_name()
    target = descriptor.rel.field.m2m_reverse_field_name()
    return descriptor.through.objects.filter(**{f"{source}__in": providers}, **filters).values_list(
        f"{source}_id", *[f.format(target=target) for f in fields]
    )


def candidate_pages(answers):
    """Live public providers that serve the association's area or work remotely."""
    providers = ProviderPage.objects.live().public()
    if answers.department is None:
        return providers.filter(remote=True)
    area = (
        Q(remote=True)
        | Q(departments=answers.department)
        | Q(departments__region=answers.region)
        | Q(regions=answers.region)
    )
    return providers.filter(pk__in=ProviderPage.objects.filter(area).values("pk"))


def load_candidates(answers, alternatives, provider_ids=None):
    """ProviderFacts of the candidates (among `provider_ids` when given), in six queries
    however many providers there are."""
    pages = candidate_pages(answers)
    if provider_ids is not None:
        pages = pages.filter(pk__in=provider_ids)
    rows = list(
        pages.values_list(
            "pk",
            "title",
            "remote",
            "prices_adapted",
            "accepting_new_associations",
            "last_reviewed",
        )
    )
    subquery = pages.values("pk")
    relations = defaultdict(lambda: defaultdict(set))
    offerings = defaultdict(dict)
    for pk, slug, name in _through_rows("offerings", subquery, "{target}__slug", "{target}__name"):
        offerings[pk][slug] = name
    tool_ids = [alt.pk for alt in alternatives]
    for pk, tool_id in _through_rows(
        "tools", subquery, "{target}_id", freealternative_id__in=tool_ids
    ):
        relations[pk]["tools"].add(tool_id)
    for pk, department_id, region_id in _through_rows(
        "departments", subquery, "{target}_id", "{target}__region_id"
    ):
        relations[pk]["departments"].add(department_id)
        relations[pk]["partial_regions"].add(region_id)
    for pk, region_id in _through_rows("regions", subquery, "{target}_id"):
        relations[pk]["regions"].add(region_id)
    return [
        ProviderFacts(
            pk=pk,
            title=title,
            remote=remote,
            prices_adapted=prices_adapted,
            accepting=accepting,
            last_reviewed=last_reviewed,
            department_ids=frozenset(relations[pk]["departments"]),
            region_ids=frozenset(relations[pk]["regions"]),
            partial_region_ids=frozenset(relations[pk]["partial_regions"]),
            offerings=offerings[pk],
            tool_ids=frozenset(relations[pk]["tools"]),
        )
        for pk, title, remote, prices_adapted, accepting, last_reviewed in rows
    ]


def with_pages(proposal):
    """The same proposal with each match's facts replaced by its ProviderPage (one query)."""
    matches = proposal.matches + proposal.fallback
    pages = ProviderPage.objects.filter(pk__in=[m.provider.pk for m in matches]).in_bulk()
    for match in matches:
        match.provider = pages[match.provider.pk]
    return proposal


def find_providers(answers, alternatives=None, limit=MAX_MATCHES):
    """The Proposal for these answers, with provider pages, in a fixed number of queries."""
    if alternatives is None:
        alternatives = load_alternatives(answers.service_ids)
    candidates = load_candidates(answers, alternatives, shortlist(answers, alternatives, limit))
    return with_pages(rank(answers, candidates, alternatives, limit))


# Shortlisting in the database --------------------------------------------------------------


def _count(facet, values):
    """How many of the provider's listing facts are of this facet and among these values."""
    return Count("pk", filter=Q(facet=facet, value__in=values))


def _points(condition, points):
    return Case(When(condition, then=Value(points)), default=Value(0))


def scored_providers(answers, alternatives):
    """Rows (provider id, accepting, last reviewed, score, fits, remote) of the listed
    providers of the area, scored as score() does, from one pass over their listing facts.

    Listing facts exist for live public providers only; a département fact stands for the
    départements covered and those of the régions covered entirely, a région fact for the
    régions covered and those of the départements covered (see directory.listing_facts)."""
    tools_by_service = defaultdict(list)
    for alternative in alternatives:
        tools_by_service[alternative.service_id].append(str(alternative.pk))
    wished = [
        Offering.objects.filter(slug__in=slugs).values(value=Cast("pk", CharField()))
        for slugs in wished_offerings(answers)
    ]
    counts = {"remote_facts": _count(listing_facts.REMOTE, [listing_facts.YES])}
    if answers.department is not None:
        counts["department_facts"] = _count(listing_facts.DEPARTMENT, [str(answers.department.pk)])
        counts["region_facts"] = _count(listing_facts.REGION, [str(answers.region.pk)])
    for number, tools in enumerate(tools_by_service.values()):
        counts[f"service_{number}"] = _count(listing_facts.TOOL, tools)
    for number, offerings in enumerate(wished):
        counts[f"wish_{number}"] = _count(listing_facts.OFFERING, offerings)
    services = [_points(Q(**{f"service_{n}__gt": 0}), 1) for n in range(len(tools_by_service))]
    wishes = [_points(Q(**{f"wish_{n}__gt": 0}), 1) for n in range(len(wished))]
    area = (
        [
            When(Q(department_facts__gt=0), then=Value(AREA_POINTS[DEPARTMENT])),
            When(Q(region_facts__gt=0), then=Value(AREA_POINTS[REGION])),
        ]
        if answers.department is not None
        else []
    )
    area.append(When(Q(remote_facts__gt=0), then=Value(AREA_POINTS[REMOTE])))
    total = Case(*area, default=Value(0))
    if services:
        total += Least(sum(services, Value(0)), Value(MAX_TOOLS_COUNTED)) * TOOL_POINTS
    for points in wishes:
        total += points * OFFERING_POINTS
    if answers.small_budget:
        total += _points(Q(provider__prices_adapted=True), PRICE_POINTS)
    relevant = Q()
    for count in counts.values():
        relevant |= count.filter
    fits = GreaterThan(sum([*services, *wishes], Value(0)), 0)
    return (
        ListingFact.objects.filter(relevant)
        .values("provider_id")
        .annotate(
            accepting=F("provider__accepting_new_associations"),
            reviewed=F("provider__last_reviewed"),
            **counts,
        )
        .annotate(
            area=Case(*area, default=Value(0)),
            score=total,
            fits=ExpressionWrapper(fits, BooleanField()),
        )
        .filter(area__gt=0)
    )


def _first_with_ties(scored, count):
    """Ids of the first `count` providers in rank()'s order, and of all those tied with the
    last of them on everything but the title (rank() breaks those ties), in one query."""
    place = Window(
        Rank(), order_by=[F("accepting").desc(), F("score").desc(), F("reviewed").desc()]
    )
    ranked = scored.annotate(place=place).filter(place__lte=count)
    return [row["provider_id"] for row in ranked]


def shortlist(answers, alternatives, limit=MAX_MATCHES):
    """Ids of the only providers rank() can propose: the best fitting ones, or, when none
    fits, the best remote ones; three or four queries over the relevant listing facts."""
    scored = scored_providers(answers, alternatives)
    fitting = _first_with_ties(scored.filter(fits=True), limit)
    if fitting:
        return fitting
    return _first_with_ties(scored.filter(remote_facts__gt=0), MAX_FALLBACK)


def match_providers(answers, limit=MAX_MATCHES):
    """The providers that fit, best first (empty when none does)."""
    return find_providers(answers, limit=limit).matches


def directory_query(answers):
    """The directory listing's filters for the same answers: area and the first wish."""
    params = []
    if answers.department is not None:
        params.append(("departement", answers.department.code))
    else:
        params.append(("distance", "1"))
    wanted = wished_offerings(answers)
    if wanted:
        params.append(("prestation", wanted[0][0]))
    return "?" + urlencode(params)
