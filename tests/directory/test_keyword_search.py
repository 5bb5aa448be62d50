"""`/annuaire/?q=` finds a provider by the tools it works with, the services they replace,
and its prestations in the words associations use ("hébergeur", "formation").

Run on PostgreSQL too: DATABASE_URL=postgres://…/emancipasso_<name> pytest this file."""

import re

import pytest
from wagtail.search import index

from home.demo_tools import ensure_home_page
from tests.factories.catalogue import ProprietaryServiceFactory
from tests.factories.directory import DirectoryIndexPageFactory, ProviderPageFactory, ToolFactory
from tests.helpers import read_again, shared_test_data, without_index_updates

pytestmark = pytest.mark.django_db


def build_indexed_providers(directory):
    gmail = ProprietaryServiceFactory(name="Gmail", slug="gmail")
    zoom = ProprietaryServiceFactory(name="Zoom", slug="zoom")
    thunderbird = ToolFactory(name="Thunderbird", slug="thunderbird", replaces=[gmail])
    jitsi = ToolFactory(name="Jitsi Meet", slug="jitsi-meet", replaces=[zoom])
    nextcloud = ToolFactory(name="Nextcloud", slug="nextcloud")
    pages = {
        "mail": ProviderPageFactory(
            parent=directory,
            title="Courriel Solidaire",
            offerings=["hebergement"],
            tools=[thunderbird],
        ),
        "visio": ProviderPageFactory(
            parent=directory,
            title="Visio Commune",
            offerings=["formation-utilisateurs"],
            tools=[jitsi, nextcloud],
        ),
        "advice": ProviderPageFactory(
            parent=directory, title="Conseil Asso", offerings=["diagnostic"]
        ),
    }
    for page in pages.values():
        index.insert_or_update_object(page)  # what the queued task does once the save commits
    return pages


@pytest.fixture(scope="module")
def indexed_providers(django_db_setup, django_db_blocker):
    """Built and indexed once for the module; what a test changes (tools, services, the index)
    is rolled back after it."""
    with shared_test_data(django_db_blocker), without_index_updates():
        yield build_indexed_providers(DirectoryIndexPageFactory(parent=ensure_home_page()))


@pytest.fixture
def providers(db, indexed_providers):
    """The three providers, read again for each test (`read_again`)."""
    return read_again(indexed_providers)


def found(client, query):
    response = client.get("/annuaire/", {"q": query})
    assert response.status_code == 200
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', response.content.decode())


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # The proprietary service a tool replaces, in any case.
        ("gmail", ["Courriel Solidaire"]),
        ("GMail", ["Courriel Solidaire"]),
        ("zoom", ["Visio Commune"]),
        # The tools themselves.
        ("thunderbird", ["Courriel Solidaire"]),
        ("nextcloud", ["Visio Commune"]),
        ("Jitsi Meet", ["Visio Commune"]),
        # Prestations, by their name and the words people use for them.
        ("hébergement", ["Courriel Solidaire"]),
        ("hébergeur", ["Courriel Solidaire"]),
        ("hebergeur", ["Courriel Solidaire"]),
        ("formation", ["Visio Commune"]),
        ("formateur", ["Visio Commune"]),
        ("audit", ["Conseil Asso"]),
        # Words from two sources must all be found.
        ("hébergeur thunderbird", ["Courriel Solidaire"]),
        ("hébergeur nextcloud", []),
    ],
)
def test_a_keyword_reaches_tools_services_and_prestations(client, providers, query, expected):
    assert found(client, query) == expected


def test_a_draft_service_or_tool_finds_nothing(client, providers):
    draft_service = ProprietaryServiceFactory(name="Messagerie Fantôme", live=False)
    ToolFactory(name="Courrielleur Piège", slug="courrielleur-piege", replaces=[draft_service])
    providers["advice"].tools.add(ToolFactory(name="Outil Brouillon", live=False))
    providers["advice"].save()
    thunderbird = providers["mail"].tools.get()
    thunderbird.replaces.add(draft_service)
    thunderbird.save()
    for page in providers.values():
        index.insert_or_update_object(page)
    assert found(client, "Fantôme") == []
    assert found(client, "Brouillon") == []


def test_a_service_newly_replaced_by_a_tool_is_found_without_reindexing(client, providers):
    slack = ProprietaryServiceFactory(name="Slack", slug="slack")
    assert found(client, "slack") == []
    nextcloud = providers["visio"].tools.get(slug="nextcloud")
    nextcloud.replaces.add(slack)
    nextcloud.save()  # a cluster's relations reach the database with it
    assert found(client, "slack") == ["Visio Commune"]


def test_one_letter_does_not_match_every_tool_name(client, providers):
    assert found(client, "e") == []


@pytest.mark.parametrize(
    "query",
    ["gm\x00ail", "\x00", "x" * 10_000, '"><script>alert(1)</script>', "'; DROP TABLE x; --", "%_"],
)
def test_hostile_keywords_give_a_page(client, providers, query):
    response = client.get("/annuaire/", {"q": query, "locales": query, "region": query})
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.content.decode()


def test_a_nul_byte_is_dropped_from_the_keywords(client, providers):
    assert found(client, "gm\x00ail") == ["Courriel Solidaire"]
