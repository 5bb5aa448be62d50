"""Main navigation and breadcrumbs, both driven by the page tree editors control."""

from django import template
from wagtail.models import Site

from home.breadcrumbs import breadcrumb_ancestors
from home.site_structure import cached

register = template.Library()


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    """The live, public children of the site root that editors marked "show in menus"."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    items = cached(f"main-nav:{site.root_page_id}", lambda: menu_items(site)) if site else []
    return {"items": items, "current": context.get("page"), "request": request}


def menu_items(site):
    return list(
        site.root_page.get_children()
        .live()
        .public()
        .in_menu()
        .only("title", "url_path", "path", "depth")
    )


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page, request = context.get("page"), context.get("request")
    ancestors = breadcrumb_ancestors(page, request)
    return {"ancestors": ancestors, "page": page, "request": request}


@register.filter
def is_section_of(item, current):
    """True when `current` is `item` or sits below it in the tree."""
    return current is not None and current.path.startswith(item.path)
