"""Everything the result shows for a set of answers, loaded in a fixed number of queries.

Each loader reads rows for the chosen tools only, with prefetches instead of a query per tool,
provider or guide, so the page costs the same whatever the size of the directory or catalogue.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone
from wagtail.fields import StreamField

from catalogue.models import CatalogueIndexPage, Difficulty, FreeAlternative
from diagnostic.matching import AlternativeFact, directory_query, find_providers
from diagnostic.plan import build_plan, needs_global_rethink
from directory import listing_facts
from directory.listing_index import listing_index
from directory.models import DirectoryIndexPage, ProviderPage
from guides.models import GuidePage, recently_reviewed_first
from guides.models.choices import GuideKind
from guides.testimonies import similar_testimonies
from home.sections import section_index
from home.site_structure import cached
from webinars.models import WebinarPage

MAX_HOSTS_NAMED = 3
MAX_GUIDES_PER_TOOL = 4
MAX_WEBINARS = 3
MAX_TESTIMONIES = 3
# How-tos first, then the arguments, then the stories of those who did it.
GUIDE_ORDER = [GuideKind.PRACTICAL, GuideKind.ARGUMENT, GuideKind.TESTIMONY, GuideKind.TOOL_SHEET]


@dataclass
class HostedAlternative:
    alternative: object
    providers: list  # live ProviderPages that host or support it, open ones first


@dataclass
class ToolAdvice:
    """One chosen tool: why leave it, what replaces it (hosted or to install), with what effort."""

    service: object
    hosted: list = field(default_factory=list)  # HostedAlternative
    self_installed: list = field(default_factory=list)  # HostedAlternative, perhaps no provider
    guides: list = field(default_factory=list)
    catalogue_url: str = ""

    @property
    def effort(self):
        """The difficulty of the easiest alternative, or None when the catalogue has none."""
        levels = [h.alternative.difficulty for h in self.hosted]
        levels += [i.alternative.difficulty for i in self.self_installed]
        return min(levels) if levels else None

    @property
    def effort_label(self):
        return Difficulty(self.effort).label if self.effort else ""


def catalogue_alternatives():
    """Every live alternative, easiest first, with the ids of the services it replaces."""
    replaced = defaultdict(set)
    rows = FreeAlternative.replaces.through.objects.values_list(
        "freealternative_id", "proprietaryservice_id"
    )
    for alternative_id, service_id in rows:
        replaced[alternative_id].add(service_id)
    alternatives = FreeAlternative.objects.live().order_by("difficulty", "name")
    return [(alternative, frozenset(replaced[alternative.pk])) for alternative in alternatives]


def live_alternatives(service_ids):
    """The chosen tools' live alternatives, each with `chosen_service_ids` it replaces, from
    the catalogue in the cached site structure (a catalogue change replaces it)."""
    chosen = set(service_ids)
    found = []
    for alternative, replaced in cached("diagnostic-alternatives", catalogue_alternatives):
        if replaced & chosen:
            alternative.chosen_service_ids = sorted(replaced & chosen)
            found.append(alternative)
    return found


def hosting_providers(alternative_ids, proposed=()):
    """{alternative id: the first listed providers that list it among their tools}: those the
    result proposes, then remote ones, then open ones, then by title (the directory's order);
    a few per alternative, read off the directory's index, and their pages in one query."""
    index = listing_index()
    remote = index.mask(listing_facts.REMOTE, listing_facts.YES)
    open_ = index.mask(listing_facts.OPEN, listing_facts.YES)
    proposed = index.mask_of(proposed)
    first_ids = {}
    for pk in alternative_ids:
        offered = index.mask(listing_facts.TOOL, str(pk))
        in_order = [
            offered & among & where & state
            for among in (proposed, ~proposed)
            for where in (remote, ~remote)
            for state in (open_, ~open_)
        ]
        first_ids[pk] = index.ids_of(in_order, slice(MAX_HOSTS_NAMED))
    pages = ProviderPage.objects.in_bulk([pk for ids in first_ids.values() for pk in ids])
    return {pk: [pages[provider] for provider in ids] for pk, ids in first_ids.items() if ids}


def streamfields(model):
    """What Wagtail's defer_streamfields() leaves out, for a model reached by a relation."""
    return [field for field in model._meta.concrete_fields if isinstance(field, StreamField)]


def guides_by_service(service_ids):
    """{service id: live guides about it}, how-tos first, then arguments, then testimonies:
    the rows of the guides' services, each with its guide (body left out), in one query."""
    kind_rank = Case(
        *[When(guidepage__kind=kind, then=Value(rank)) for rank, kind in enumerate(GUIDE_ORDER)],
        output_field=IntegerField(),
    )
    rows = (
        GuidePage.services.through.objects.filter(
            proprietaryservice_id__in=service_ids,
            guidepage__in=GuidePage.objects.live().public(),
        )
        .select_related("guidepage")
        .defer(*[f"guidepage__{field.name}" for field in streamfields(GuidePage)])
        .order_by(kind_rank, recently_reviewed_first("guidepage__"), "guidepage__title")
    )
    by_service = defaultdict(list)
    for row in rows:
        by_service[row.proprietaryservice_id].append(row.guidepage)
    return by_service


def tool_advice(answers, alternatives, hosts, guides, catalogue, proposed=()):
    """Advice per chosen tool; hosts the result proposes are named first, then remote ones."""
    advice = []
    for service in answers.services:
        item = ToolAdvice(service, guides=guides.get(service.pk, [])[:MAX_GUIDES_PER_TOOL])
        for alternative in alternatives:
            if service.pk not in alternative.chosen_service_ids:
                continue
            providers = sorted(
                hosts.get(alternative.pk, []),
                key=lambda provider: (provider.pk not in proposed, not provider.remote),
            )
            entry = HostedAlternative(alternative, providers[:MAX_HOSTS_NAMED])
            # Server software a provider runs is opened for you; an app or a desktop program
            # (not self_hostable) is installed by the association, a provider can help.
            if entry.providers and alternative.self_hostable:
                item.hosted.append(entry)
            else:
                item.self_installed.append(entry)
        if catalogue is not None:
            item.catalogue_url = catalogue.url + catalogue.reverse_subpage(
                "service", args=[service.slug]
            )
        advice.append(item)
    return advice


def upcoming_webinars(category_ids):
    """The next live webinars on the uses of the chosen tools, soonest first."""
    return list(
        WebinarPage.objects.live()
        .public()
        .filter(
            pk__in=WebinarPage.objects.filter(topics__in=category_ids).values("pk"),
            ends_at__gt=timezone.now(),
        )
        .defer_streamfields()
        .order_by("start")[:MAX_WEBINARS]
    )


def directory_url(answers):
    directory = section_index(DirectoryIndexPage)
    return directory.url + directory_query(answers) if directory else ""


def build_result(page, answers):
    """The template context of a result: tools, providers, plan, webinars, testimonies."""
    alternatives = live_alternatives(answers.service_ids)
    facts = [
        AlternativeFact(alternative.pk, alternative.name, service_id, alternative.self_hostable)
        for alternative in alternatives
        for service_id in alternative.chosen_service_ids
    ]
    proposal = find_providers(answers, alternatives=facts)
    proposed = {match.provider.pk for match in proposal.matches + proposal.fallback}
    advice = tool_advice(
        answers,
        alternatives,
        hosting_providers([alternative.pk for alternative in alternatives], proposed),
        guides_by_service(answers.service_ids),
        section_index(CatalogueIndexPage),
        proposed=proposed,
    )
    efforts = {item.service.pk: item.effort for item in advice}
    first_match = proposal.matches[0].provider if proposal.matches else None
    return {
        "advice": advice,
        "proposal": proposal,
        "directory_url": directory_url(answers),
        "plan": build_plan(answers, efforts, page.step_blocks(), first_match),
        "global_rethink": needs_global_rethink(answers),
        "webinars": upcoming_webinars(answers.category_ids),
        "testimonies": list(
            similar_testimonies(
                answers.service_ids, audience=answers.size or None, limit=MAX_TESTIMONIES
            )
        ),
    }


def board_arguments(answers):
    """(guide, argument block values) of the live argument guides about the chosen tools."""
    guides = (
        GuidePage.objects.live()
        .public()
        .filter(
            pk__in=GuidePage.objects.filter(services__in=answers.service_ids).values("pk"),
            kind=GuideKind.ARGUMENT,
        )
        .order_by(recently_reviewed_first(), "title")
    )
    found = []
    for guide in guides:
        arguments = [block.value for block in guide.body if block.block_type == "argument"]
        if arguments:
            found.append((guide, arguments))
    return found
