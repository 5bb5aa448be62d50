"""The site a request is for, with its root page, from the cached site structure.

Wagtail finds the site of each request with a query, then reads the root page's own type
with another before routing; both change only with a site or a page, which replace the
cached structure (home/site_structure.py). The middleware hands Wagtail the site it would
have found (`request._wagtail_site`, which `Site.find_for_request` reads first), its root
page already of its own type.
"""

from django.http.request import split_domain_port
from wagtail.models import Site

from home.site_structure import cached


class CachedSiteMiddleware:
    """After CommonMiddleware, which has refused host names outside ALLOWED_HOSTS."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = site_for_request(request)
        return self.get_response(request)


def site_for_request(request):
    """`Site.find_for_request`, from the cache. Wagtail's own lookup decides; the key names
    the host and port only for the host names of a site, so that no other host name (or a
    hostile one) adds an entry: all of those get the default site."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    if hostname not in cached("site-hostnames", site_hostnames):
        hostname = port = "*"
    return cached(f"site:{hostname}:{port}", lambda: found_site(request))


def site_hostnames():
    return frozenset(Site.objects.values_list("hostname", flat=True))


def found_site(request):
    site = Site._find_for_request(request)
    if site is not None and site.root_page_id is not None:
        site.root_page = site.root_page.specific
    return site
