"""Choosing a région or a département also lists the providers that work remotely, after the
local ones and marked as such, unless the visitor asks for the structures of the area only."""

import re

import pytest

from directory.models import DirectoryIndexPage
from home.demo_tools import ensure_home_page
from tests.factories.directory import DirectoryIndexPageFactory, ProviderPageFactory
from tests.helpers import read_again, shared_test_data, without_index_updates

pytestmark = pytest.mark.django_db

LOCAL_ONLY_LABEL = "Seulement les structures de ma région"


@pytest.fixture(scope="module")
def shared_directory(django_db_setup, django_db_blocker):
    """The directory and its providers, built once for the module (tests add what is rolled
    back after them)."""
    with shared_test_data(django_db_blocker), without_index_updates():
        directory = DirectoryIndexPageFactory(parent=ensure_home_page())
        yield directory, build_providers(directory)


@pytest.fixture
def directory(db, shared_directory):
    return DirectoryIndexPage.objects.get(pk=shared_directory[0].pk)


@pytest.fixture
def providers(db, shared_directory):
    """The module's providers, read again for each test (`read_again`)."""
    return read_again(shared_directory[1])


def build_providers(directory):
    return {
        "breizh": ProviderPageFactory(
            parent=directory,
            title="Breizh Libre",
            structure_type="association",
            offerings=["hebergement"],
            regions=["bretagne"],
        ),
        "rennes": ProviderPageFactory(
            parent=directory,
            title="Coop des Rennais",
            structure_type="cooperative",
            offerings=["diagnostic"],
            departments=["35"],
        ),
        # Remote, and local to the Rhône; its title sorts first, so order proves "local first".
        "lyon": ProviderPageFactory(
            parent=directory,
            title="Alpes Numériques",
            structure_type="company",
            remote=True,
            offerings=["hebergement"],
            departments=["69"],
        ),
        # Remote only.
        "partout": ProviderPageFactory(
            parent=directory,
            title="Distance Partout",
            structure_type="sole_trader",
            remote=True,
            offerings=["mediation"],
        ),
    }


def listed_titles(html):
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html)


def card_of(html, title):
    cards = html.split('<li class="card provider-card">')[1:]
    return next(card for card in cards if f">{title}</a></h3>" in card)


def option_count(html, name, value):
    select = re.search(rf'<select id="annuaire-{name}".*?</select>', html, re.S).group(0)
    found = re.search(rf'<option value="{re.escape(value)}"[^>]*>[^<]*\((\d+)\)', select)
    return int(found.group(1))


def get(client, query):
    response = client.get(f"/annuaire/?{query}")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Local providers first (by title), then those working remotely (by title).
        (
            "region=bretagne",
            ["Breizh Libre", "Coop des Rennais", "Alpes Numériques", "Distance Partout"],
        ),
        (
            "departement=35",
            ["Breizh Libre", "Coop des Rennais", "Alpes Numériques", "Distance Partout"],
        ),
        # A remote provider local to the area comes with the local ones.
        ("departement=69", ["Alpes Numériques", "Distance Partout"]),
        ("region=auvergne-rhone-alpes", ["Alpes Numériques", "Distance Partout"]),
        ("region=corse", ["Alpes Numériques", "Distance Partout"]),
        # Other filters still apply to the remote ones.
        ("region=bretagne&prestation=hebergement", ["Breizh Libre", "Alpes Numériques"]),
        # The visitor's area only.
        ("region=bretagne&locales=1", ["Breizh Libre", "Coop des Rennais"]),
        ("departement=69&locales=1", ["Alpes Numériques"]),
        ("region=corse&locales=1", []),
        # Without an area, the box changes nothing.
        (
            "locales=1",
            ["Alpes Numériques", "Breizh Libre", "Coop des Rennais", "Distance Partout"],
        ),
    ],
)
def test_an_area_lists_local_providers_then_remote_ones(client, providers, query, expected):
    assert listed_titles(get(client, query)) == expected


def test_remote_providers_are_marked_on_their_card(client, providers):
    html = get(client, "region=bretagne")
    assert "Travaille à distance" in card_of(html, "Distance Partout")
    assert "Travaille à distance" in card_of(html, "Alpes Numériques")
    assert "Travaille à distance" not in card_of(html, "Breizh Libre")
    assert (
        '<p class="directory-remote-note">Dont 2 structures qui travaillent à distance, '
        "listées après celles de votre territoire.</p>" in html
    )
    assert "directory-remote-note" not in get(client, "region=bretagne&locales=1")


def test_area_counts_include_remote_providers_unless_the_area_only_is_asked(client, providers):
    html = get(client, "")
    assert option_count(html, "region", "bretagne") == 4
    assert option_count(html, "region", "corse") == 2
    assert option_count(get(client, "departement=69"), "departement", "69") == 2
    html = get(client, "locales=1")
    assert option_count(html, "region", "bretagne") == 2
    assert option_count(html, "region", "corse") == 0
    assert option_count(get(client, "departement=69&locales=1"), "departement", "69") == 1
    # Other facets count what the area leaves, remote providers included.
    html = get(client, "region=corse")
    assert option_count(html, "prestation", "hebergement") == 1
    assert option_count(html, "prestation", "mediation") == 1
    assert 'Travaille à distance <span class="facet-count">(2)</span>' in html


def test_the_area_only_box_says_what_it_would_leave_and_can_be_removed(client, providers):
    html = get(client, "region=bretagne")
    assert f'{LOCAL_ONLY_LABEL} <span class="facet-count">(2)</span>' in html
    assert 'name="locales" value="1" checked' not in html
    html = get(client, "region=bretagne&locales=1")
    assert 'name="locales" value="1" checked' in html
    assert f'<a href="/annuaire/?region=bretagne">Retirer {LOCAL_ONLY_LABEL}</a>' in html
    # No area chosen: no count, since the box would change nothing.
    assert f"{LOCAL_ONLY_LABEL}</label>" in get(client, "")


def test_an_empty_area_only_result_links_to_the_remote_providers(client, providers):
    html = get(client, "region=corse&locales=1&prestation=hebergement&page=2")
    link = re.search(
        r'<a href="([^"]*)">cherchez les structures qui travaillent à distance</a> \((\d+)\)', html
    )
    assert link.group(1) == "/annuaire/?prestation=hebergement&amp;distance=1"
    assert link.group(2) == "1"
    assert listed_titles(get(client, "prestation=hebergement&distance=1")) == ["Alpes Numériques"]


def test_an_empty_result_offers_no_remote_search_that_would_be_empty_too(client, providers):
    html = get(client, "region=corse&type=cooperative")
    assert "Aucune structure ne correspond à ces critères." in html
    assert "cherchez les structures qui travaillent à distance" not in html
    assert "Retirez un filtre pour élargir la recherche." in html


def test_the_remote_provider_rank_survives_pagination(client, directory, providers):
    for number in range(12):
        ProviderPageFactory(parent=directory, title=f"Zz Locale {number:02d}", regions=["bretagne"])
    first = listed_titles(get(client, "region=bretagne"))
    second = listed_titles(get(client, "region=bretagne&page=2"))
    assert "Alpes Numériques" not in first
    assert second == ["Zz Locale 10", "Zz Locale 11", "Alpes Numériques", "Distance Partout"]


def select_values(html, name):
    select = re.search(rf'<select id="annuaire-{name}".*?</select>', html, re.S)
    return re.findall(r'<option value="([^"]*)"', select.group(0)) if select else []


def test_the_departement_select_offers_the_departements_of_the_region_in_focus(client, providers):
    """101 options would outweigh the results: first a région, then its départements."""
    html = get(client, "")
    assert select_values(html, "departement") == []
    assert "choisissez d'abord une région" in html.replace("&#x27;", "'")
    assert LOCAL_ONLY_LABEL in html
    assert select_values(get(client, "region=bretagne"), "departement") == [
        "",
        "22",
        "29",
        "35",
        "56",
    ]
    # A département alone (a link from the diagnostic) brings its région's neighbours.
    assert select_values(get(client, "departement=35"), "departement") == [
        "",
        "22",
        "29",
        "35",
        "56",
    ]
    # A département outside the chosen région stays offered, selected, so it can be seen.
    assert select_values(get(client, "region=corse&departement=35"), "departement") == [
        "",
        "2A",
        "2B",
        "35",
    ]
