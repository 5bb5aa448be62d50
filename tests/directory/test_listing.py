"""The directory at /annuaire/: exact filter results, counts, search, pagination, queries."""

import re

import pytest

from directory.models import Department, Offering, Region
from home.demo_tools import ensure_home_page
from tests.factories.directory import DirectoryIndexPageFactory, ProviderPageFactory, ToolFactory
from tests.helpers import assert_query_budget, read_again, shared_test_data


def build_four_providers(directory):
    """Four providers whose areas, prestations and tools overlap in known ways."""
    nextcloud = ToolFactory(slug="nextcloud", name="Nextcloud")
    peertube = ToolFactory(slug="peertube", name="PeerTube")
    return {
        "breizh": ProviderPageFactory(
            parent=directory,
            title="Breizh Libre",
            slug="breizh-libre",
            structure_type="association",
            chatons_member=True,
            offerings=["hebergement", "formation-utilisateurs"],
            tools=[nextcloud],
            regions=["bretagne"],
        ),
        "rennes": ProviderPageFactory(
            parent=directory,
            title="Coop des Rennais",
            slug="coop-des-rennais",
            structure_type="cooperative",
            offerings=["diagnostic"],
            tools=[peertube],
            departments=["35"],
        ),
        "lyon": ProviderPageFactory(
            parent=directory,
            title="Lyon Numérique Solidaire",
            slug="lyon-numerique",
            structure_type="company",
            remote=True,
            offerings=["hebergement", "diagnostic"],
            tools=[nextcloud, peertube],
            departments=["69"],
        ),
        "partout": ProviderPageFactory(
            parent=directory,
            title="Médiation Partout",
            slug="mediation-partout",
            structure_type="sole_trader",
            remote=True,
            offerings=["mediation"],
        ),
    }


@pytest.fixture(scope="class")
def four_providers(django_db_setup, django_db_blocker):
    """Built once for the class of tests that read them, indexed for the search as the tests
    marked `search_index` need; what a test changes is rolled back after it."""
    with shared_test_data(django_db_blocker):
        yield build_four_providers(DirectoryIndexPageFactory(parent=ensure_home_page()))


@pytest.fixture
def providers(db, four_providers):
    """The four providers, read again for each test (`read_again`): one test unpublishes one."""
    return read_again(four_providers)


def listed_titles(response):
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', response.content.decode())


def option_count(response, name, value):
    html = response.content.decode()
    select = re.search(rf'<select id="annuaire-{name}".*?</select>', html, re.S).group(0)
    return int(
        re.search(rf'<option value="{re.escape(value)}"[^>]*>[^<]*\((\d+)\)', select).group(1)
    )


FILTER_CASES = [
    ("", ["Breizh Libre", "Coop des Rennais", "Lyon Numérique Solidaire", "Médiation Partout"]),
    # A région covers providers listing it or one of its départements (area only: see
    # test_remote_providers for those that work remotely).
    ("region=bretagne&locales=1", ["Breizh Libre", "Coop des Rennais"]),
    # A département is covered by providers listing it or its whole région.
    ("departement=29&locales=1", ["Breizh Libre"]),
    ("departement=35&locales=1", ["Breizh Libre", "Coop des Rennais"]),
    ("departement=69&locales=1", ["Lyon Numérique Solidaire"]),
    ("prestation=hebergement", ["Breizh Libre", "Lyon Numérique Solidaire"]),
    ("outil=peertube", ["Coop des Rennais", "Lyon Numérique Solidaire"]),
    ("type=cooperative", ["Coop des Rennais"]),
    ("chatons=1", ["Breizh Libre"]),
    ("distance=1", ["Lyon Numérique Solidaire", "Médiation Partout"]),
    (
        "prestation=diagnostic&outil=peertube&region=bretagne",
        ["Coop des Rennais", "Lyon Numérique Solidaire"],
    ),
    ("prestation=diagnostic&outil=peertube&region=corse", ["Lyon Numérique Solidaire"]),
    ("prestation=hebergement&distance=1", ["Lyon Numérique Solidaire"]),
    ("region=corse&locales=1", []),
    ("q=rennais", ["Coop des Rennais"]),
    ("q=solidaire&prestation=hebergement", ["Lyon Numérique Solidaire"]),
    # An unknown value is ignored rather than emptying the list.
    (
        "region=atlantide",
        ["Breizh Libre", "Coop des Rennais", "Lyon Numérique Solidaire", "Médiation Partout"],
    ),
]


class TestFourProviders:
    """The tests that read the same four providers, built once for them all; the tests outside
    the class fill a directory of their own, without them."""

    @pytest.mark.parametrize(("query", "expected"), FILTER_CASES)
    @pytest.mark.search_index  # some filters are keywords
    def test_filters_give_exactly_the_expected_providers(self, client, providers, query, expected):
        response = client.get(f"/annuaire/?{query}")
        assert response.status_code == 200
        assert listed_titles(response) == expected

    def test_an_empty_result_says_so_in_words(self, client, providers):
        html = client.get("/annuaire/?region=corse&locales=1").content.decode()
        assert "Aucune structure ne correspond à votre recherche." in html
        assert "0 structure" not in html

    def test_an_empty_result_links_to_the_same_search_among_remote_providers(
        self, client, providers
    ):
        url = "/annuaire/?region=corse&locales=1&prestation=hebergement&page=2"
        html = client.get(url).content.decode()
        link = re.search(
            r'<a href="([^"]*)">cherchez les structures qui travaillent à distance', html
        )
        assert link.group(1) == "/annuaire/?prestation=hebergement&amp;distance=1"
        followed = client.get("/annuaire/?prestation=hebergement&distance=1")
        assert listed_titles(followed) == ["Lyon Numérique Solidaire"]

    def test_each_choice_shows_how_many_providers_it_would_leave(self, client, providers):
        response = client.get("/annuaire/?prestation=hebergement")
        # Counts of other facets apply the active prestation filter (a région also counts the
        # providers that work remotely, Lyon here)...
        assert option_count(response, "region", "bretagne") == 2
        assert option_count(response, "region", "auvergne-rhone-alpes") == 1
        assert option_count(response, "outil", "peertube") == 1
        # ...while the prestation facet itself counts as if no prestation were chosen.
        assert option_count(response, "prestation", "hebergement") == 2
        assert option_count(response, "prestation", "diagnostic") == 2
        assert option_count(response, "prestation", "mediation") == 1
        assert 'Membre du collectif CHATONS <span class="facet-count">(1)</span>' in (
            response.content.decode()
        )

    def test_the_filter_form_keeps_the_current_choices_and_offers_to_remove_them(
        self, client, providers
    ):
        html = client.get("/annuaire/?region=bretagne&chatons=1").content.decode()
        assert '<option value="">Toutes les régions</option>' in html
        assert '<option value="bretagne" selected>' in html
        assert 'name="chatons" value="1" checked' in html
        assert '<a href="/annuaire/?chatons=1">Retirer Région\u00a0: Bretagne</a>' in html
        assert (
            '<a href="/annuaire/?region=bretagne">'
            "Retirer Membre du collectif CHATONS\u00a0: Oui</a>" in html
        )
        assert (
            '<p class="directory-count" role="status">1 structure correspond à votre recherche.</p>'
            in html
        )

    def test_only_live_providers_are_listed(self, client, providers):
        providers["lyon"].unpublish()
        assert "Lyon Numérique Solidaire" not in listed_titles(client.get("/annuaire/"))

    def test_the_directory_sets_no_cookie(self, client, providers):
        response = client.get("/annuaire/?region=bretagne")
        assert response.cookies == {}
        assert "csrfmiddlewaretoken" not in response.content.decode()


def test_the_directory_paginates_and_keeps_filters_in_page_links(client, directory):
    for _ in range(14):
        ProviderPageFactory(parent=directory, offerings=["diagnostic"])
    first = client.get("/annuaire/?prestation=diagnostic")
    assert len(listed_titles(first)) == 12
    assert 'href="?prestation=diagnostic&amp;page=2"' in first.content.decode()
    second = client.get("/annuaire/?prestation=diagnostic&page=2")
    assert len(listed_titles(second)) == 2


def test_the_listing_query_count_does_not_grow_with_providers(client, directory):
    tools = [ToolFactory() for _ in range(3)]
    regions = list(Region.objects.values_list("slug", flat=True)[:4])
    departments = list(Department.objects.values_list("code", flat=True)[:4])
    offerings = list(Offering.objects.values_list("slug", flat=True))

    def add_providers(count):
        for number in range(count):
            ProviderPageFactory(
                parent=directory,
                offerings=offerings[number % 3 : number % 3 + 2],
                tools=tools[: number % 3 + 1],
                regions=regions[number % 4 : number % 4 + 1],
                departments=departments[number % 2 : number % 2 + 2],
            )

    url = f"/annuaire/?prestation={offerings[1]}&q=accompagnons"
    add_providers(6)
    # Budget: the layout's 11 and the directory's 11 with a search (test_listing_queries);
    # the count stays the same with twice the providers.
    assert_query_budget(client, url, 22, lambda: add_providers(6))
