"""/annuaire/ runs a fixed number of queries, with or without filters, at 5 and at 60 providers.

The layout (site, menus, settings, footer, feeds) takes LAYOUT_QUERIES of them in tests
today, being cut elsewhere; the directory's own part (one page of providers and what their
cards show; the choices and their counts come from the index of the facts, built by the first
request after a change) stays within DIRECTORY_QUERIES, plus the search when keywords are
given.

The directory is built once for the module: every query is counted at 5 providers, then 55
more are added and each test counts its query again (a query per card makes the second count
larger, a new query pushes both over the budget).
"""

import itertools

import pytest
from django.test import Client

from home.demo_tools import ensure_home_page
from tests.factories.directory import DirectoryIndexPageFactory, ProviderPageFactory, ToolFactory
from tests.helpers import assert_same_queries_within_budget, queries_for, shared_test_data

pytestmark = pytest.mark.django_db

LAYOUT_QUERIES = 11
DIRECTORY_QUERIES = 4  # one page of providers, 3 card relations
SEARCH_QUERIES = 2  # the search index, the tools so named

BUDGETS = {
    "": LAYOUT_QUERIES + DIRECTORY_QUERIES,
    "?region=bretagne&prestation=hebergement&outil=nextcloud&chatons=1&type=association": (
        LAYOUT_QUERIES + DIRECTORY_QUERIES
    ),
    "?departement=35&locales=1&distance=1&page=2": LAYOUT_QUERIES + DIRECTORY_QUERIES,
    "?q=accompagnons&region=bretagne": LAYOUT_QUERIES + DIRECTORY_QUERIES + SEARCH_QUERIES,
}


def add_providers(directory, count):
    tools = [ToolFactory(slug="nextcloud", name="Nextcloud"), ToolFactory(slug="peertube")]
    areas = itertools.cycle([{"regions": ["bretagne"]}, {"departments": ["35", "69"]}, {}])
    for number in range(count):
        ProviderPageFactory(
            parent=directory,
            remote=number % 3 == 0,
            chatons_member=number % 2 == 0,
            offerings=["hebergement", "diagnostic"][: number % 2 + 1],
            tools=tools[: number % 3],
            **next(areas),
        )


@pytest.fixture(scope="module")
def small_counts(django_db_setup, django_db_blocker):
    """Each query's queries at 5 providers; the module's tests then find 60 providers."""
    with shared_test_data(django_db_blocker):
        directory = DirectoryIndexPageFactory(parent=ensure_home_page())
        add_providers(directory, 5)
        client = Client()
        counts = {query: queries_for(client, f"/annuaire/{query}")[0] for query in BUDGETS}
        add_providers(directory, 55)
        yield counts


@pytest.mark.parametrize("query", list(BUDGETS))
def test_the_directory_runs_a_fixed_number_of_queries(client, small_counts, query):
    url = f"/annuaire/{query}"
    large, response = queries_for(client, url)
    assert_same_queries_within_budget(url, small_counts[query], large, BUDGETS[query])
    assert 'class="card provider-card"' in response.content.decode()
