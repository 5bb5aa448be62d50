"""What the guides contribute to the pages of lower apps, which do not import them."""

from django.db.models import Case, Value, When
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from guides.featured import featured_guides, why_change_arguments
from guides.models import GuideIndexPage, GuideKind, recently_reviewed_first
from guides.search import result_kinds
from home.feeds import ATOM, FEED_LINKS_HOOK, RSS, FeedLink
from home.search import HOOK as SEARCH_RESULT_KINDS
from home.site_structure import cached

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


@hooks.register(FEED_LINKS_HOOK)
def guides_feed_links(page, request):
    """Every page announces the guides' feeds, so a reader subscribes from wherever it is.

    An index made private by its own restriction is left out. Other pages find the index in
    the cached structure."""
    index = page if isinstance(page, GuideIndexPage) else cached("guides-feed-index", feed_index)
    if index is None:
        return []
    url = index.get_url(request)
    return [
        FeedLink(_("Guides (RSS)"), url + index.reverse_subpage("rss_feed"), RSS),
        FeedLink(_("Guides (Atom)"), url + index.reverse_subpage("atom_feed"), ATOM),
    ]


def feed_index():
    return (
        GuideIndexPage.objects.live()
        .filter(view_restrictions=None)
        .only("url_path", "path", "depth")
        .first()
    )
