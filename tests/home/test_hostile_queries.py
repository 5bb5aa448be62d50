"""The GET half of the hostile-input battery: every public URL, every query parameter it reads.

Each parameter gets hostile values (markup, SQL-like text, 10 000 characters, NUL, invalid
UTF-8, huge and negative numbers); each URL also gets repeated and unknown parameters and
methods it does not expect. Whatever comes, no public URL answers 5xx, and the markup never
comes back unescaped in anything a browser would render. The site is built once for the module,
inside a transaction rolled back at the end, so the battery stays fast.
"""

from datetime import timedelta
from urllib.parse import quote

import pytest
from django.test import Client
from django.utils import timezone

from home.demo_tools import ensure_home_page
from tests.factories.catalogue import (
    CatalogueIndexPageFactory,
    CategoryFactory,
    FreeAlternativeFactory,
    ProprietaryServiceFactory,
)
from tests.factories.directory import DirectoryIndexPageFactory, ProviderPageFactory
from tests.factories.guides import GuideIndexPageFactory, GuidePageFactory
from tests.factories.webinars import WebinarIndexPageFactory, WebinarPageFactory
from tests.helpers import shared_test_data

pytestmark = pytest.mark.django_db

MARKUP = '"><script>alert("xss")</script>'
# Each value is sent in every parameter of a URL at once (the pages read each one on its own),
# and in each API parameter alone (the API stops at the first parameter it refuses).
HOSTILE_VALUES = {
    "balisage": MARKUP,
    "SQL": "' OR 1=1 --",
    "10 000 caractères": "x" * 10_000,
    "NUL": "mess\x00agerie",
    "nombre énorme": "99999999999999999999",
    "négatif": "-1",
    "décimal": "1.5",
    "vide": "",
}
# Sent as they are, not encoded again: invalid UTF-8 and a broken escape.
RAW_VALUES = {"UTF-8 invalide": "%ff%fe", "échappement cassé": "%"}
# Values shaped like what the API parses, to reach its parsers rather than its first check.
API_SHAPED_VALUES = {
    "fields": ["*", "-*", "_,id", "title(*)", "-title,-id", "parent(*)", "title(", ",,,"],
    "order": ["random", "-id", "title,-title", "-random"],
    "type": ["wagtailcore.Page", "directory.ProviderPage", "auth.User", "a.b.c"],
    "search_operator": ["and", "or"],
    "locale": ["fr", "zz"],
    "format": ["json", "api", "xml"],
    "html_path": ["/", "//", "/annuaire/../", "../../etc/passwd", "/" + "a/" * 500],
    "id": ["1", "1.0", "1e3"],
}
API_LISTING_PARAMETERS = [
    "type",
    "fields",
    "order",
    "limit",
    "offset",
    "search",
    "search_operator",
    "child_of",
    "ancestor_of",
    "descendant_of",
    "translation_of",
    "locale",
    "site",
    "rich_text_format",
    "format",
    "title",
    "slug",
    "_",
]
API_PARAMETERS = {
    "/api/v2/pages/": API_LISTING_PARAMETERS,
    "/api/v2/pages/{guide_id}/": ["fields", "rich_text_format", "format"],
    "/api/v2/pages/find/": ["html_path", "id", "fields", "type", "site"],
}
# Every public URL and the query parameters its code reads; q and page are sent to all.
PUBLIC_URLS = {
    "/": [],
    "/guides/": ["kind", "topic", "audience"],
    "/guides/quitter-gmail/": [],
    "/alternatives/": ["usage"],
    "/alternatives/remplacer/gmail/": [],
    "/annuaire/": [
        "region",
        "departement",
        "prestation",
        "outil",
        "type",
        "chatons",
        "distance",
        "locales",
    ],
    "/annuaire/referencer/": [],
    "/annuaire/breizh-libre/": [],
    "/annuaire/breizh-libre/contacter/": [],
    "/webinaires/": ["theme"],
    "/webinaires/agenda.ics": [],
    "/webinaires/messagerie-libre/": [],
    "/webinaires/messagerie-libre/inscription/": [],
    "/webinaires/messagerie-libre/inscription/merci/": ["attente"],
    "/webinaires/messagerie-libre/agenda.ics": [],
    "/recherche/": ["type"],
    **API_PARAMETERS,
    "/sitemap.xml": ["p"],
    "/page-inconnue/": [],
}
GENERIC_PARAMETERS = ["q", "page"]
API_URL_PARAMETERS = [(url, p) for url, parameters in API_PARAMETERS.items() for p in parameters]


def build_site():
    """A small site with one page of every public kind, at the paths PUBLIC_URLS names."""
    home = ensure_home_page()
    category = CategoryFactory(name="Messagerie", slug="messagerie")
    gmail = ProprietaryServiceFactory(name="Gmail", slug="gmail", category=category)
    FreeAlternativeFactory(name="Thunderbird", replaces=[gmail], category=category)
    CatalogueIndexPageFactory(parent=home)
    guides = GuideIndexPageFactory(parent=home)
    guide = GuidePageFactory(
        parent=guides,
        title="Quitter Gmail",
        slug="quitter-gmail",
        topics=[category],
        services=[gmail],
    )
    directory = DirectoryIndexPageFactory(parent=home)
    ProviderPageFactory(
        parent=directory,
        title="Breizh Libre",
        slug="breizh-libre",
        offerings=["hebergement"],
        regions=["bretagne"],
        chatons_member=True,
    )
    webinars = WebinarIndexPageFactory(parent=home)
    webinar = WebinarPageFactory(parent=webinars, title="Messagerie libre", slug="messagerie-libre")
    webinar.topics.add(category)
    webinar.save()
    WebinarPageFactory(parent=webinars, start=timezone.now() - timedelta(days=30))
    return {"guide_id": guide.pk}


@pytest.fixture(scope="module")
def site_ids(django_db_setup, django_db_blocker):
    with shared_test_data(django_db_blocker):
        yield build_site()


@pytest.fixture
def browser(site_ids):
    """Gets 500 pages back instead of exceptions, and checks CSRF as a browser does."""
    return Client(enforce_csrf_checks=True, raise_request_exception=False)


def problem(response):
    """What is wrong with a response to hostile input, or None."""
    if response.status_code >= 500:
        return f"{response.status_code}"
    content_type = response.get("Content-Type", "")
    if "json" not in content_type and MARKUP.encode() in response.content:
        return f"balisage renvoyé tel quel ({content_type})"
    return None


def parameters_of(url):
    return [*GENERIC_PARAMETERS, *PUBLIC_URLS[url]]


def hostile_queries(parameters):
    """Query strings that set these parameters, all together, to each hostile value."""
    queries = {
        name: "&".join(f"{quote(p)}={quote(value)}" for p in parameters)
        for name, value in HOSTILE_VALUES.items()
    }
    for name, raw in RAW_VALUES.items():
        queries[name] = "&".join(f"{quote(p)}={raw}" for p in parameters)
    markup = quote(MARKUP)
    queries["répétés"] = "&".join(f"{p}=1&{p}={markup}&{p}=2" for p in parameters)
    queries["inconnus"] = f"utm_source={markup}&r%C3%A9gion={markup}&x[]=1&{markup}=1&=&&"
    return queries


def problems_with(browser, path, queries):
    found = {}
    for name, query in queries.items():
        if trouble := problem(browser.get(f"{path}?{query}")):
            found[name] = trouble
    return found


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_hostile_values_in_every_parameter(browser, site_ids, url):
    path = url.format(**site_ids)
    assert problems_with(browser, path, hostile_queries(parameters_of(url))) == {}


@pytest.mark.parametrize(
    ("url", "parameter"), API_URL_PARAMETERS, ids=[" ".join(p) for p in API_URL_PARAMETERS]
)
def test_hostile_values_in_each_api_parameter_alone(browser, site_ids, url, parameter):
    path = url.format(**site_ids)
    queries = hostile_queries([parameter])
    for value in API_SHAPED_VALUES.get(parameter, []):
        queries[value[:40]] = f"{parameter}={quote(value)}"
    assert problems_with(browser, path, queries) == {}


def test_the_browsable_api_escapes_what_it_echoes(browser, site_ids):
    response = browser.get(f"/api/v2/pages/?format=api&search={quote(MARKUP)}&nope={quote(MARKUP)}")
    assert response["Content-Type"].startswith("text/html")
    assert problem(response) is None


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_unexpected_methods(browser, site_ids, url):
    """Without a CSRF token, as a forged request would come; never a server error."""
    path = url.format(**site_ids)
    found = {}
    for method in ("post", "put", "delete"):
        if trouble := problem(getattr(browser, method)(f"{path}?q={quote(MARKUP)}")):
            found[method] = trouble
    assert found == {}
