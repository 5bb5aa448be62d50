"""Main navigation and breadcrumbs, both driven by the page tree editors control."""

from django import template
from wagtail.models import Site

from home.breadcrumbs import breadcrumb_ancestors

register = template.Library()


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    """The live, public children of the site root that editors marked "show in menus"."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    items = []
    if site:
        items = (
            site.root_page.get_children()
            .live()
            .public()
            .in_menu()
            .only("title", "url_path", "path", "depth")
        )
    return {"items": items, "current": context.get("page"), "request": request}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page, request = context.get("page"), context.get("request")
    ancestors = breadcrumb_ancestors(page, request)
    return {"ancestors": ancestors, "page": page, "request": request}


@register.filter
def is_section_of(item, current):
    """True when `current` is `item` or sits below it in the tree."""
    return current is not None and current.path.startswith(item.path)
