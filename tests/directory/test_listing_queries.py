"""/annuaire/ runs a fixed number of queries, with or without filters, at 5 and at 60 providers.

The layout (site, menus, settings, footer, feeds) takes LAYOUT_QUERIES of them in tests
today, being cut elsewhere; the directory's own part (one page of providers and what their
cards show; the choices and their counts come from the index of the facts, built by the first
request after a change) stays within DIRECTORY_QUERIES, plus the search when keywords are
given.
"""

import itertools

import pytest

from tests.factories.directory import ProviderPageFactory, ToolFactory
from tests.helpers import assert_query_budget

pytestmark = pytest.mark.django_db

LAYOUT_QUERIES = 11
DIRECTORY_QUERIES = 4  # one page of providers, 3 card relations
SEARCH_QUERIES = 2  # the search index, the tools so named

AREAS = itertools.cycle([{"regions": ["bretagne"]}, {"departments": ["35", "69"]}, {}])


def add_providers(directory, count):
    tools = [ToolFactory(slug="nextcloud", name="Nextcloud"), ToolFactory(slug="peertube")]
    for number in range(count):
        ProviderPageFactory(
            parent=directory,
            remote=number % 3 == 0,
            chatons_member=number % 2 == 0,
            offerings=["hebergement", "diagnostic"][: number % 2 + 1],
            tools=tools[: number % 3],
            **next(AREAS),
        )


@pytest.mark.parametrize(
    ("query", "budget"),
    [
        ("", LAYOUT_QUERIES + DIRECTORY_QUERIES),
        (
            "?region=bretagne&prestation=hebergement&outil=nextcloud&chatons=1&type=association",
            LAYOUT_QUERIES + DIRECTORY_QUERIES,
        ),
        ("?departement=35&locales=1&distance=1&page=2", LAYOUT_QUERIES + DIRECTORY_QUERIES),
        ("?q=accompagnons&region=bretagne", LAYOUT_QUERIES + DIRECTORY_QUERIES + SEARCH_QUERIES),
    ],
)
def test_the_directory_runs_a_fixed_number_of_queries(client, directory, query, budget):
    add_providers(directory, 5)
    response = assert_query_budget(
        client, f"/annuaire/{query}", budget, lambda: add_providers(directory, 55)
    )
    assert 'class="card provider-card"' in response.content.decode()
