"""The site-wide search (/recherche/): guides, services to replace, free alternatives, providers,
webinars and pages in one list (home.search), on Wagtail's database backend.

Editors can promote results for a search (Paramètres › Résultats de recherche promus): those
come first, marked as recommended, and are not listed a second time among the others.
"""

from collections import Counter
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import F, Q
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.search.utils import normalise_query_string

from home.search import SiteSearch, registered_kinds, run_search, visible_page_ids, ways_in

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class Promotion:
    """One promoted result as the page shows it: a title, a link, a short description."""

    title: str
    url: str
    description: str
    page_id: int | None


def promoted_results(search):
    """The editors' promotions for this search, in their order, in one query.

    A promoted page is shown only while it is live and public: promoting a draft or a private
    page reveals nothing of it.
    """
    picks = (
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(search.query))
        .filter(Q(page__isnull=True) | Q(page__in=visible_page_ids()))
        .select_related("page")
        .order_by("sort_order")
    )
    promotions = []
    for pick in picks:
        if pick.page_id is None and pick.external_link_url:
            title = pick.external_link_text or pick.external_link_url
            promotions.append(Promotion(title, pick.external_link_url, pick.description, None))
        elif pick.page_id:
            description = pick.description or pick.page.search_description
            url = pick.page.get_url(search.request)
            promotions.append(Promotion(pick.page.title, url, description, pick.page_id))
    return promotions


def record_hit(query):
    """Counts the search for the editors' list of popular searches (Wagtail's Query and
    QueryDailyHits): one query once the word was searched that day, three on its first search
    of the day. Two first searches at the same instant may count as one."""
    today = timezone.localdate()
    normalised = normalise_query_string(query)
    counted = QueryDailyHits.objects.filter(query__query_string=normalised, date=today).update(
        hits=F("hits") + 1
    )
    if not counted:
        first_of_the_day = QueryDailyHits(query=Query.get(query), date=today, hits=1)
        QueryDailyHits.objects.bulk_create([first_of_the_day], ignore_conflicts=True)


def page_number(value, num_pages):
    """A page number from the URL, within range: anything else is the first or the last page."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), num_pages)


@dataclass(frozen=True)
class KindFilter:
    """A link narrowing the results to one kind (or to all of them), with its count."""

    label: str
    slug: str
    count: int
    current: bool


def kind_filters(kinds, counts, total, chosen):
    """The link to all results ("Tout"), then one per kind found, in the kinds' order."""
    filters = [KindFilter("", "", total, chosen is None)]
    filters += [
        KindFilter(kind.plural, kind.slug, counts[kind.slug], kind == chosen)
        for kind in kinds
        if counts[kind.slug]
    ]
    return filters if len(filters) > 2 else []


def search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    site_search = SiteSearch(query, request)
    kinds = registered_kinds()
    chosen = next((kind for kind in kinds if kind.slug == request.GET.get("type")), None)
    results, promotions = [], []
    if site_search.terms:
        if request.GET.get("page", "1") == "1" and chosen is None:
            record_hit(query)
        promotions = promoted_results(site_search)
        promoted_pages = {promotion.page_id for promotion in promotions if promotion.page_id}
        results = [
            result
            for result in run_search(site_search, kinds)
            if result.page_id not in promoted_pages
        ]
    counts = Counter(result.kind.slug for result in results)
    total = len(results) + len(promotions)
    filters = kind_filters(kinds, counts, total, chosen)
    if chosen is not None:
        results = [result for result in results if result.kind == chosen]

    paginator = Paginator(results, RESULTS_PER_PAGE)
    page = paginator.page(page_number(request.GET.get("page"), paginator.num_pages))
    page.object_list = [result.present() for result in page.object_list]
    return TemplateResponse(
        request,
        "pages/search_results.html",
        {
            "search_query": query,
            "search_results": page,
            "paginator": paginator,
            # Promoted results lead the first page of the unfiltered results only.
            "promotions": promotions if page.number == 1 and chosen is None else [],
            "result_count": paginator.count if chosen else total,
            "kind_filters": filters,
            "chosen_kind": chosen,
            "ways_in": ways_in(request) if site_search.query and not total else [],
        },
    )
