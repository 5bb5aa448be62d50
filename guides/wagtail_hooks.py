"""What the guides contribute to the pages of lower apps, which do not import them."""

from wagtail import hooks

from guides.featured import featured_guides, why_change_arguments


@hooks.register("home_page_context")
def guides_on_the_home_page(page, request):
    guides = featured_guides(page.featured_guides)
    return {"featured_guides": guides, "why_change_arguments": why_change_arguments(guides)}


@hooks.register("catalogue_service_context")
def guides_on_a_service_page(service, request):
    """The live guides to leave this service, the most recently reviewed first."""
    guides = service.guides.live().public().defer_streamfields()
    return {"guides": guides.order_by("-last_reviewed", "title")}
