"""The directory in the ChatonsInfos format: live profiles only, public facts only."""

import pytest

from directory.chatons.properties import parse
from tests.factories.directory import ProviderPageFactory, ToolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider(directory):
    nextcloud = ToolFactory(name="Nextcloud", slug="nextcloud", licence="AGPL-3.0")
    draft_tool = ToolFactory(name="Outil en brouillon", slug="outil-brouillon", live=False)
    draft = ProviderPageFactory(parent=directory, slug="brouillon")
    draft.unpublish()
    return ProviderPageFactory(
        parent=directory,
        title="Hébergeurs du Rhône",
        slug="hebergeurs-rhone",
        structure_type="cooperative",
        website="https://rhone.example",
        contact_email="prive@hebergeurs.example",
        accepting_new_associations=False,
        tools=[nextcloud, draft_tool],
    )


def get(client, path):
    return client.get(path, HTTP_HOST="127.0.0.1")


def test_organization_file_says_public_facts_only(client, provider):
    response = get(client, "/donnees/chatonsinfos/hebergeurs-rhone/organization.properties")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "prive@" not in text
    properties = parse(text)
    assert properties.text("file.class") == "organization"
    assert properties.text("organization.name") == "Hébergeurs du Rhône"
    assert properties.text("organization.type") == "COOPERATIVE"
    assert properties.text("organization.website") == "https://rhone.example"
    assert [key for key, _ in properties.subs()] == ["nextcloud"]


def test_service_file_and_federation(client, provider):
    service = parse(
        get(
            client, "/donnees/chatonsinfos/hebergeurs-rhone/services/nextcloud.properties"
        ).content.decode()
    )
    assert service.text("software.name") == "Nextcloud"
    assert service.text("software.license.name") == "AGPL-3.0"
    assert service.text("service.registration.load") == "FULL"
    draft_tool = "/donnees/chatonsinfos/hebergeurs-rhone/services/outil-brouillon.properties"
    assert get(client, draft_tool).status_code == 404
    assert get(client, "/donnees/chatonsinfos/brouillon/organization.properties").status_code == 404
    federation = parse(get(client, "/donnees/chatonsinfos/federation.properties").content.decode())
    assert federation.text("file.class") == "federation"
    assert [key for key, _ in federation.subs()] == ["hebergeurs-rhone"]


def test_reader_tolerates_variants():
    text = (
        "\ufeff# [Organisation]\r\nOrganization.Name = Chez \\u00e9ric\r\n"
        "organization.logo.url=https://x.example/logo.png\r\n! commentaire\r\n"
        "organization.startDate = 2019-03-01\r\nsubs.cloud = https://x.example/s.properties\r\n"
        "organization.chatrooms.matrix = #a:x ; #b:x\r\n"
    )
    properties = parse(text)
    assert properties.text("organization.name") == "Chez éric"
    assert properties.text("organization.logo") == "https://x.example/logo.png"
    assert properties.text("organization.startdate") == "2019-03-01"
    assert properties.subs() == [("cloud", "https://x.example/s.properties")]
    assert properties.values_of("organization.chatrooms.matrix") == ["#a:x", "#b:x"]
