"""What the guides contribute to the pages of lower apps, which do not import them."""

from django.db.models import Case, Value, When
from wagtail import hooks

from guides.featured import featured_guides, why_change_arguments
from guides.models import GuideKind, recently_reviewed_first
from guides.search import result_kinds
from home.search import HOOK as SEARCH_RESULT_KINDS

hooks.register(SEARCH_RESULT_KINDS, result_kinds)


@hooks.register("home_page_context")
def guides_on_the_home_page(page, request):
    guides = featured_guides(page.featured_guides)
    return {"featured_guides": guides, "why_change_arguments": why_change_arguments(guides)}


@hooks.register("catalogue_service_context")
def guides_on_a_service_page(service, request):
    """The live guides to leave this service: the how-to guides first (what a volunteer about to
    change needs), then the others; the most recently reviewed first within each."""
    how_to_first = Case(When(kind=GuideKind.PRACTICAL, then=Value(0)), default=Value(1))
    guides = list(
        service.guides.live()
        .public()
        .defer_streamfields()
        .order_by(how_to_first, recently_reviewed_first(), "title")
    )
    how_to = guides[0] if guides and guides[0].kind == GuideKind.PRACTICAL else None
    return {"guides": guides, "how_to": how_to}
