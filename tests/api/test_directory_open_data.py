"""The directory as open data, and the "Données ouvertes" page that documents it."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from directory.models import ProviderLink
from tests.factories.directory import DirectoryIndexPageFactory, ProviderPageFactory, ToolFactory

pytestmark = pytest.mark.django_db

COLUMNS = [
    "identifiant", "nom", "page", "introduction", "presentation", "type_structure",
    "type_structure_libelle", "membre_chatons", "prestations", "accepte_nouvelles_associations",
    "niveau_accompagnement", "type_offre", "outils", "a_distance", "regions", "departements",
    "ville", "tarifs", "tarif_journalier_min", "tarif_journalier_max", "tarifs_adaptes",
    "site_web", "fediverse", "liens", "langues", "relue_le", "chatonsinfos",
]  # fmt: skip


@pytest.fixture
def directory(home_page):
    return DirectoryIndexPageFactory(parent=home_page)


@pytest.fixture
def providers(directory):
    nextcloud = ToolFactory(name="Nextcloud", slug="nextcloud")
    draft_tool = ToolFactory(name="Outil en brouillon", slug="outil-brouillon", live=False)
    shown = ProviderPageFactory(
        parent=directory,
        title="Hébergeurs du Rhône",
        slug="hebergeurs-rhone",
        city="=cmd|' /C calc'!A0",
        description="<p>Premier paragraphe.</p><p>Second <b>paragraphe</b>.</p>",
        contact_email="prive@hebergeurs.example",
        tools=[nextcloud, draft_tool],
    )
    ProviderLink.objects.create(page=shown, label="Forge", url="https://forge.example/rhone")
    draft = ProviderPageFactory(parent=directory, title="Fiche en brouillon", slug="brouillon")
    draft.unpublish()
    private = ProviderPageFactory(parent=directory, title="Fiche privée", slug="privee")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return shown


def get(client, path):
    return client.get(path, HTTP_HOST="127.0.0.1")


def download(client, path):
    """The text of an export, which is streamed: its size never sits whole in memory."""
    response = get(client, path)
    assert response.streaming
    return b"".join(response.streaming_content).decode()


def test_csv_headers_are_stable_and_only_live_public_profiles(client, providers):
    text = download(client, "/donnees/annuaire.csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == COLUMNS
    assert [row[1] for row in rows[1:]] == ["Hébergeurs du Rhône"]
    row = dict(zip(COLUMNS, rows[1], strict=True))
    assert row["ville"] == "'=cmd|' /C calc'!A0"
    assert row["presentation"] == "Premier paragraphe.\nSecond paragraphe."
    assert row["outils"] == "Nextcloud"
    assert row["liens"] == "https://forge.example/rhone"
    assert row["chatonsinfos"].endswith(
        "/donnees/chatonsinfos/hebergeurs-rhone/organization.properties"
    )
    assert "prive@" not in text


def test_json_parses_with_licence_and_no_private_e_mail(client, providers):
    text = download(client, "/donnees/annuaire.json")
    body = json.loads(text)
    assert body["metadonnees"]["licence"]["url"] == (
        "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
    )
    assert body["metadonnees"]["licence_des_textes"]["colonnes"] == [
        "introduction", "presentation", "tarifs",
    ]  # fmt: skip
    assert [row["identifiant"] for row in body["donnees"]] == ["hebergeurs-rhone"]
    assert body["donnees"][0]["outils"] == ["Nextcloud"]
    assert "prive@" not in text


@pytest.mark.parametrize("path", ["/donnees/annuaire.csv", "/donnees/annuaire.json"])
def test_an_export_runs_the_same_queries_for_three_or_twelve_profiles(
    client, directory, providers, path
):
    """Each profile's relations come by chunk and its address without a cache read."""
    download(client, path)
    with CaptureQueriesContext(connection) as few:
        download(client, path)
    for number in range(9):
        ProviderPageFactory(parent=directory, slug=f"structure-{number}", offerings=["hebergement"])
    # New pages replace the cached site structure: the first download reads it again.
    download(client, path)
    with CaptureQueriesContext(connection) as more:
        text = download(client, path)
    assert text.count("structure-") >= 9
    assert len(more) == len(few) <= 15, "\n".join(q["sql"] for q in more)


def test_page_documents_every_column_and_the_licences(client, providers):
    html = get(client, "/donnees/").content.decode()
    for column in COLUMNS:
        assert f"<code>{column}</code>" in html
    assert "Licence Ouverte 2.0 (Etalab)" in html
    assert "CC BY-SA 4.0" in html
    assert 'href="/donnees/annuaire.csv"' in html
    assert 'href="/donnees/chatonsinfos/federation.properties"' in html


def test_footer_links_to_the_open_data_page(client, providers):
    html = get(client, "/").content.decode()
    assert '<a href="/donnees/">Données ouvertes</a>' in html


@pytest.fixture
def page_cache_on(settings):
    """The production setting: downloads are built once per version of the content."""
    from django.core.cache import caches

    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    yield
    caches["pages"].clear()


@pytest.mark.parametrize("extension", ["json", "csv"])
def test_a_download_is_built_once_then_served_from_the_cache_until_content_changes(
    client, providers, directory, page_cache_on, extension, committed
):
    path = f"/donnees/annuaire.{extension}"
    first = get(client, path)
    with CaptureQueriesContext(connection) as again:
        second = get(client, path)
    assert not again.captured_queries
    assert second.content == first.content and "Hébergeurs du Rhône" in first.content.decode()
    assert (
        second["Link"] == first["Link"]
        and second["Content-Disposition"] == first["Content-Disposition"]
    )
    with committed():  # a new version of the content
        newcomer = ProviderPageFactory(
            parent=directory, title="Nouvelle structure", slug="nouvelle"
        )
    assert "Nouvelle structure" in get(client, path).content.decode()
    with committed():
        newcomer.unpublish()
    assert "Nouvelle structure" not in get(client, path).content.decode()


def test_a_cached_download_goes_compressed_to_who_accepts_it(client, providers, page_cache_on):
    import gzip

    plain = get(client, "/donnees/annuaire.json")
    compressed = client.get(
        "/donnees/annuaire.json", HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip, br"
    )
    assert compressed["Content-Encoding"] == "gzip" and "Content-Encoding" not in plain
    assert gzip.decompress(compressed.content) == plain.content
    assert "Accept-Encoding" in plain["Vary"] and "Accept-Encoding" in compressed["Vary"]
    json.loads(plain.content)
