"""Under each alternative, the result names a few providers offering it: those it proposes,
then those working remotely, then those open to new associations, then by title; read off the
directory's index, which follows a provider's saved profile."""

import pytest

from diagnostic.result import MAX_HOSTS_NAMED, hosting_providers
from tests.factories.directory import DirectoryIndexPageFactory, ProviderPageFactory, ToolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def offering_one_tool(home_page):
    directory = DirectoryIndexPageFactory(parent=home_page)
    tool = ToolFactory(slug="nextcloud", name="Nextcloud")
    profiles = {
        title: ProviderPageFactory(
            parent=directory,
            title=title,
            tools=[tool],
            remote=remote,
            accepting_new_associations=open_,
        )
        for title, remote, open_ in [
            ("Aval à distance, complet", True, False),
            ("Bourg local, ouvert", False, True),
            ("Cime à distance, ouverte", True, True),
            ("Dune locale, complète", False, False),
            ("Estuaire local, complet", False, False),
        ]
    }
    ProviderPageFactory(parent=directory, title="Autre outil", remote=True)
    return tool, profiles


def named(tool, proposed=()):
    return [page.title for page in hosting_providers([tool.pk], proposed)[tool.pk]]


def test_proposed_then_remote_then_open_then_by_title(offering_one_tool):
    tool, profiles = offering_one_tool
    assert MAX_HOSTS_NAMED == 3
    assert named(tool) == [
        "Cime à distance, ouverte",
        "Aval à distance, complet",
        "Bourg local, ouvert",
    ]
    assert named(tool, [profiles["Estuaire local, complet"].pk]) == [
        "Estuaire local, complet",
        "Cime à distance, ouverte",
        "Aval à distance, complet",
    ]


def test_a_provider_closing_its_doors_moves_down_once_published(offering_one_tool):
    tool, profiles = offering_one_tool
    cime = profiles["Cime à distance, ouverte"]
    cime.accepting_new_associations = False
    cime.save_revision().publish()
    assert named(tool) == [
        "Aval à distance, complet",
        "Cime à distance, ouverte",
        "Bourg local, ouvert",
    ]


def test_an_alternative_nobody_offers_names_nobody(offering_one_tool):
    other = ToolFactory(slug="seafile", name="Seafile")
    assert hosting_providers([other.pk]) == {}
