"""The catalogue as open data: stable columns, published entries only, licence, no formula."""

import csv
import io
import json

import pytest

from tests.factories.catalogue import (
    CatalogueIndexPageFactory,
    CategoryFactory,
    FreeAlternativeFactory,
    ProprietaryServiceFactory,
)

pytestmark = pytest.mark.django_db

COLUMNS = [
    "identifiant",
    "nom",
    "description",
    "categorie",
    "licence",
    "site_web",
    "auto_hebergeable",
    "difficulte",
    "difficulte_libelle",
    "remplace",
    "page",
]


@pytest.fixture
def entries(home_page):
    CatalogueIndexPageFactory(parent=home_page)
    category = CategoryFactory(name="Visioconférence")
    zoom = ProprietaryServiceFactory(name="Zoom", slug="zoom", category=category)
    teams = ProprietaryServiceFactory(name="Teams", slug="teams", category=category)
    draft_service = ProprietaryServiceFactory(name="Brouillon Meet", category=category, live=False)
    jitsi = FreeAlternativeFactory(
        name="Jitsi Meet",
        slug="jitsi-meet",
        category=category,
        description='=HYPERLINK("https://pirate.example")',
    )
    jitsi.replaces.set([zoom, teams, draft_service])
    jitsi.save()
    FreeAlternativeFactory(name="Alternative en brouillon", category=category, live=False)
    hidden_category = CategoryFactory(name="Usage caché", live=False)
    FreeAlternativeFactory(name="Outil d'un usage caché", category=hidden_category)
    return jitsi


def get(client, path):
    return client.get(path, HTTP_HOST="127.0.0.1")


def test_json_lists_published_alternatives_with_licence(client, entries):
    response = get(client, "/donnees/catalogue.json")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    body = json.loads(b"".join(response.streaming_content))
    meta = body["metadonnees"]
    assert meta["licence"]["nom"] == "Licence Ouverte 2.0 (Etalab)"
    assert meta["licence_des_textes"] == {
        "nom": "CC BY-SA 4.0",
        "url": "https://creativecommons.org/licenses/by-sa/4.0/deed.fr",
        "colonnes": ["description"],
    }
    assert list(meta["colonnes"]) == COLUMNS
    assert [row["nom"] for row in body["donnees"]] == ["Jitsi Meet"]
    jitsi = body["donnees"][0]
    assert jitsi["remplace"] == ["Teams", "Zoom"]
    assert jitsi["categorie"] == "Visioconférence"
    assert jitsi["page"].endswith("/alternatives/remplacer/teams/#alternative-jitsi-meet")


def test_csv_has_stable_headers_and_no_formula(client, entries):
    response = get(client, "/donnees/catalogue.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'rel="license"' in response["Link"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == COLUMNS
    assert len(rows) == 2
    jitsi = dict(zip(COLUMNS, rows[1], strict=True))
    assert jitsi["description"] == '\'=HYPERLINK("https://pirate.example")'
    assert jitsi["remplace"] == "Teams ; Zoom"
    assert jitsi["auto_hebergeable"] == "oui"


def test_unknown_dataset_is_not_found(client, entries):
    assert get(client, "/donnees/inscriptions.csv").status_code == 404
    assert get(client, "/donnees/catalogue.xml").status_code == 404
