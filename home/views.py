"""The site-wide search (/recherche/): every live public page, on Wagtail's database backend.

Editors can promote results for a search (Paramètres › Résultats de recherche promus): those
come first, marked as recommended, and are not listed a second time among the others.
"""

from dataclasses import dataclass

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class Promotion:
    """One promoted result as the page shows it: a title, a link, a short description."""

    title: str
    url: str
    description: str
    page_id: int | None


def promoted_results(query):
    """The editors' promotions for a recorded search, in their order.

    A promoted page is shown only while it is live and public: promoting a draft or a private
    page reveals nothing of it.
    """
    picks = list(query.editors_picks.all())
    visible = Page.objects.live().public()
    pages = visible.filter(pk__in=[pick.page_id for pick in picks if pick.page_id]).specific()
    pages = {page.pk: page for page in pages}
    promotions = []
    for pick in picks:
        if pick.page_id is None and pick.external_link_url:
            title = pick.external_link_text or pick.external_link_url
            promotions.append(Promotion(title, pick.external_link_url, pick.description, None))
        elif page := pages.get(pick.page_id):
            summary = getattr(page, "introduction", "") or page.search_description
            promotions.append(Promotion(page.title, page.url, pick.description or summary, page.pk))
    return promotions


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results, promotions = Page.objects.none(), []
    if query:
        recorded = Query.get(query)
        recorded.add_hit()
        promotions = promoted_results(recorded)
        promoted_pages = [promotion.page_id for promotion in promotions if promotion.page_id]
        results = (
            Page.objects.live().public().exclude(pk__in=promoted_pages).specific().search(query)
        )

    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)

    return TemplateResponse(
        request,
        "pages/search_results.html",
        {
            "search_query": query,
            "search_results": page,
            "paginator": paginator,
            # Promoted results lead the first page of results only.
            "promotions": promotions if page.number == 1 else [],
            "result_count": paginator.count + len(promotions),
        },
    )
