"""What a page tells feed readers, search engines and link previews, in its <head>:
canonical address, feed links, breadcrumb data (JSON-LD)."""

from django import template
from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.utils.translation import gettext as _

from home.breadcrumbs import breadcrumb_ancestors
from home.feeds import feed_links as announced_feed_links
from home.structured_data import breadcrumb_list, json_ld_script

register = template.Library()


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The absolute address of this page on SITE_URL, without its query string, except the
    page number of a paginated listing (each page of a listing lists other items)."""
    request = context.get("request")
    if request is None:
        return ""
    url = settings.SITE_URL + request.path
    try:
        number = request.GET.get("page", "")
    except TooManyFieldsSent:  # the page's own view has said so already; no page number then
        number = ""
    if number.isdigit() and int(number) > 1:
        url += f"?page={int(number)}"
    return url


@register.inclusion_tag("includes/feed_links.html", takes_context=True)
def feed_links(context):
    request = context.get("request")
    links = announced_feed_links(context.get("page"), request) if request else []
    return {"links": links}


@register.simple_tag(takes_context=True)
def breadcrumbs_json_ld(context, route_title=""):
    """The breadcrumb trail as a schema.org BreadcrumbList, for pages that show breadcrumbs.

    A route of a page (« Remplacer Gmail » below the catalogue) names itself with
    `route_title`: the trail then goes on from the page to the route's own address."""
    page, request = context.get("page"), context.get("request")
    if page is None or page.pk is None or (page.depth <= 2 and not route_title):
        return ""
    trail = [
        (_("Accueil") if crumb.depth == 2 else crumb.title, crumb.get_full_url(request))
        for crumb in [*breadcrumb_ancestors(page, request), page]
    ]
    if route_title:
        trail.append((route_title, settings.SITE_URL + request.path))
    return json_ld_script(breadcrumb_list(trail))
