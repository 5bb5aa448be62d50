"""A provider that is full says so: its profile stays listed, with « Complet pour le moment »."""

import pytest

from tests.factories.directory import ProviderPageFactory

FULL = "Complet pour le moment"


@pytest.fixture
def full_and_open(directory):
    full = ProviderPageFactory(
        parent=directory,
        title="Structure Complète",
        slug="complete",
        accepting_new_associations=False,
    )
    ProviderPageFactory(parent=directory, title="Structure Ouverte", slug="ouverte")
    return full


def test_a_full_provider_stays_listed_and_says_it_is_full(client, full_and_open):
    listing = client.get("/annuaire/").content.decode()
    assert "Structure Complète" in listing and "Structure Ouverte" in listing
    assert listing.count(FULL) == 1
    card = listing[listing.index("Structure Complète") :]
    assert card.index(FULL) < card.index('class="card provider-card"')  # on its own card


def test_the_profile_says_full_in_words_and_an_open_one_says_nothing(client, full_and_open):
    assert FULL in client.get("/annuaire/complete/").content.decode()
    assert FULL not in client.get("/annuaire/ouverte/").content.decode()


def test_the_api_tells_whether_a_provider_takes_new_associations(client, full_and_open):
    response = client.get(
        "/api/v2/pages/?type=directory.ProviderPage&fields=accepting_new_associations"
    )
    assert response.status_code == 200
    found = {item["title"]: item["accepting_new_associations"] for item in response.json()["items"]}
    assert found == {"Structure Complète": False, "Structure Ouverte": True}
