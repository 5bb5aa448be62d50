"""Which URLs the gates visit, found from the demo site so that a new page type joins by itself.

One live page of every concrete page model, the parameter-free routes of routable pages, the
search, a few pages made from their query string (QUERY_EXAMPLES) and a 404, then one level of
internal links from each of those pages: a link whose route (a page model, a routable view, a
Django URL name) has not been seen yet adds its URL. Routes with parameters
(`/alternatives/remplacer/<slug>/`) are found that way, through the links that lead to them.
"""

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.http import Http404
from django.test import Client, RequestFactory
from django.urls import Resolver404, resolve
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site, get_page_models

SEARCH_QUERY = "association"
MISSING_PATH = "/cette-page-n-existe-pas/"
# Pages whose content comes from their query string, which links found here never carry: one
# example each, as a visitor has it (a sports club in Ille-et-Vilaine runs the diagnostic).
DIAGNOSTIC_ANSWERS = (
    "?outils=gmail&outils=whatsapp&outils=facebook&departement=35&taille=small"
    "&moyens=aucun&souhaits=formation&probleme=whatsapp"
)
QUERY_EXAMPLES = [
    ("diagnostic: résultat", f"/passer-au-libre/{DIAGNOSTIC_ANSWERS}"),
    ("diagnostic: kit pour le conseil", f"/passer-au-libre/kit-conseil/{DIAGNOSTIC_ANSWERS}"),
    ("diagnostic: plan à imprimer", f"/passer-au-libre/imprimer/{DIAGNOSTIC_ANSWERS}"),
]
# Paths that are not public pages: the admin, files, machine-readable endpoints.
SKIPPED_PREFIXES = ("/admin/", "/documents/", "/api/", "/media/", "/static/", "/sitemap.xml")


@dataclass(frozen=True)
class SitePage:
    """A URL to check, with what it is (shown in failures and in the sobriety table)."""

    label: str
    path: str
    expected_status: int = 200


class _LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def internal_paths(html):
    """The same-site paths (no query, no fragment) that a page links to."""
    collector = _LinkCollector()
    collector.feed(html)
    paths = []
    for href in collector.hrefs:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue
        if parts.path.startswith(SKIPPED_PREFIXES) or parts.query:
            continue
        paths.append(parts.path)
    return list(dict.fromkeys(paths))


def route_key(path):
    """What serves this path: ("page", model label[, routable view]) or ("url", URL name)."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.url_name != "wagtail_serve":
        return ("url", match.url_name or match.view_name)
    request = RequestFactory().get(path)
    site = Site.find_for_request(request)
    if site is None:
        return None
    try:
        page, args, _kwargs = site.root_page.specific.route(
            request, [part for part in path.split("/") if part]
        )
    except Http404:
        return None
    key = ("page", page.specific_class._meta.label)
    if isinstance(page.specific, RoutablePageMixin) and args:
        view = args[0]
        key = (*key, getattr(view, "__name__", str(view)))
    return key


def _label(key, path):
    return f"{':'.join(key[1:])} {path}"


def page_model_seeds():
    """One live, public page of every concrete page model that has one."""
    seeds = []
    for model in get_page_models():
        if model is Page or model._meta.abstract:
            continue
        page = Page.objects.live().public().exact_type(model).order_by("path").first()
        if page is not None:
            seeds.append(page.specific)
    return seeds


def routable_paths(page):
    """The routes of a routable page that take no parameter (forms on their own URL, feeds...)."""
    paths = []
    for pattern in page.get_subpage_urls():
        if pattern.name and pattern.pattern.regex.groups == 0:
            paths.append(page.url + page.reverse_subpage(pattern.name).lstrip("/"))
    return paths


class _Discovery:
    """Fetches candidate URLs in-process and keeps the first HTML page of each route."""

    def __init__(self):
        self.client = Client()
        self.found = {}
        self.html = {}

    def add(self, path, expected_status=200, key=None):
        key = key or route_key(urlsplit(path).path)
        if key is None or key in self.found:
            return
        response = self.client.get(path)
        if response.status_code != expected_status:
            return
        if "text/html" not in response.get("Content-Type", ""):
            return
        label = key[1] if key[0] in ("url", "missing", "example") else _label(key, path)
        self.found[key] = SitePage(label, path, expected_status)
        self.html[key] = response.content.decode()

    def follow_links(self):
        for key, html in list(self.html.items()):
            for path in internal_paths(html):
                self.add(path)
            del self.html[key]


def discover_site_pages():
    """Every URL the gates visit, each route once, in the order they were found."""
    discovery = _Discovery()
    seeds = page_model_seeds()
    for page in seeds:
        discovery.add(page.url)
    for page in seeds:
        if isinstance(page, RoutablePageMixin):
            for path in routable_paths(page):
                discovery.add(path)
    for label, path in QUERY_EXAMPLES:
        discovery.add(path, key=("example", label))
    discovery.add(f"/recherche/?q={SEARCH_QUERY}")
    discovery.add(MISSING_PATH, expected_status=404, key=("missing", "404"))
    discovery.follow_links()
    return list(discovery.found.values())
