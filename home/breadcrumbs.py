"""The pages a breadcrumb trail names, fetched once per request: the visible trail
(navigation_tags) and its JSON-LD description (discovery_tags) share them. Their titles and
addresses change only with the tree: they come from the cached structure."""

from home.site_structure import cached


def breadcrumb_ancestors(page, request):
    """The ancestors from the home page down to the parent; none for the home page itself."""
    if page is None or page.depth <= 2:
        return []
    remembered = getattr(request, "_breadcrumb_ancestors", None)
    if remembered is not None and remembered[0] is page:
        return remembered[1]
    # The trail depends only on the parent's path: the pages of a section share one entry.
    ancestors = cached(
        f"breadcrumbs:{page.path[: -page.steplen]}",
        lambda: list(
            page.get_ancestors().filter(depth__gte=2).only("title", "url_path", "path", "depth")
        ),
    )
    if request is not None:
        request._breadcrumb_ancestors = (page, ancestors)
    return ancestors
