"""Profile pages and the catalogue's provider section keep a constant number of queries."""

import pytest

from catalogue.models import CatalogueIndexPage
from guides.models import GuideIndexPage, GuidePage
from tests.factories.catalogue import ProprietaryServiceFactory
from tests.factories.directory import ProviderPageFactory, ToolFactory
from tests.helpers import assert_query_budget


@pytest.fixture
def catalogue(home_page):
    return home_page.add_child(
        instance=CatalogueIndexPage(title="Alternatives", slug="alternatives")
    )


def test_the_profile_query_count_does_not_grow_with_its_tools_and_guides(
    client, directory, catalogue, home_page
):
    guides = home_page.add_child(instance=GuideIndexPage(title="Guides", slug="guides"))
    provider = ProviderPageFactory(parent=directory, slug="fiche", offerings=["diagnostic"])

    def add_tools_and_guides(count, offset):
        for number in range(offset, offset + count):
            tool = ToolFactory()
            service = ProprietaryServiceFactory(slug=f"service-{number}", category=tool.category)
            tool.replaces.add(service)
            tool.save()  # a moderated entry writes its many-to-many on save
            provider.tools.add(tool)
            guide = GuidePage(title=f"Guide {number}", slug=f"guide-{number}", authors="Équipe")
            guides.add_child(instance=guide)
            guide.topics.add(tool.category)
            guide.save_revision().publish()
        provider.save_revision().publish()

    add_tools_and_guides(2, 0)
    # Budget: today's count; the count stays the same with twice the tools and guides.
    response = assert_query_budget(
        client, "/annuaire/fiche/", 9, lambda: add_tools_and_guides(2, 2)
    )
    html = response.content.decode()
    assert html.count("/alternatives/remplacer/service-") == 4
    assert html.count('href="/guides/guide-') == 4


def test_the_service_page_lists_providers_in_constant_queries(client, directory, catalogue):
    tool = ToolFactory(slug="nextcloud", name="Nextcloud")
    drive = ProprietaryServiceFactory(
        name="Google Drive", slug="google-drive", vendor="Google", category=tool.category
    )
    tool.replaces.add(drive)
    tool.save()  # a moderated entry writes its many-to-many on save
    url = "/alternatives/remplacer/google-drive/"

    def add_providers():
        for _ in range(2):
            ProviderPageFactory(
                parent=directory, tools=[tool], regions=["bretagne"], departments=["69"]
            )

    add_providers()
    # Budget: the same with twice the providers. Who offers each alternative is counted and
    # cut in the database (tests/test_query_budgets.py); the links to the diagnostic and the
    # directory, and the guides' feed links in the <head>, come from the cached site structure.
    html = assert_query_budget(client, url, 12, add_providers).content.decode()
    assert "Des structures pour vous conseiller et vous former" in html
    assert html.count('class="card provider-card"') == 4
