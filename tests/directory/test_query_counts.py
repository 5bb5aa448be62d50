"""Profile pages and the catalogue's provider section keep a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.models import CatalogueIndexPage, ProprietaryService
from guides.models import GuideIndexPage, GuidePage
from tests.factories.directory import ProviderPageFactory, ToolFactory


def queries_for(client, url):
    client.get(url)  # warm the site root paths cache, as a running server has it
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.fixture
def catalogue(home_page):
    return home_page.add_child(
        instance=CatalogueIndexPage(title="Alternatives", slug="alternatives")
    )


def test_the_profile_query_count_does_not_grow_with_its_tools_and_guides(
    client, directory, catalogue, home_page, django_assert_num_queries
):
    guides = home_page.add_child(instance=GuideIndexPage(title="Guides", slug="guides"))
    provider = ProviderPageFactory(parent=directory, slug="fiche", services=["diagnostic"])

    def add_tools_and_guides(count, offset):
        for number in range(offset, offset + count):
            tool = ToolFactory()
            service = ProprietaryService.objects.create(
                name=f"Service {number}",
                slug=f"service-{number}",
                vendor="Big Tech",
                category=tool.category,
                cost="Des données cédées.",
            )
            tool.replaces.add(service)
            tool.save()  # a moderated entry writes its many-to-many on save
            provider.tools.add(tool)
            guide = GuidePage(title=f"Guide {number}", slug=f"guide-{number}", authors="Équipe")
            guides.add_child(instance=guide)
            guide.topics.add(tool.category)
            guide.save_revision().publish()
        provider.save_revision().publish()

    add_tools_and_guides(2, 0)
    with_n = queries_for(client, "/annuaire/fiche/")
    add_tools_and_guides(2, 2)
    with_2n = queries_for(client, "/annuaire/fiche/")
    html = client.get("/annuaire/fiche/").content.decode()
    assert html.count("/alternatives/remplacer/service-") == 4
    assert html.count('href="/guides/guide-') == 4
    assert with_n == with_2n
    with django_assert_num_queries(with_n):
        client.get("/annuaire/fiche/")


def test_the_service_page_lists_providers_in_constant_queries(
    client, directory, catalogue, django_assert_num_queries
):
    tool = ToolFactory(slug="nextcloud", name="Nextcloud")
    drive = ProprietaryService.objects.create(
        name="Google Drive",
        slug="google-drive",
        vendor="Google",
        category=tool.category,
        cost="Les fichiers chez Google.",
    )
    tool.replaces.add(drive)
    tool.save()  # a moderated entry writes its many-to-many on save
    url = "/alternatives/remplacer/google-drive/"
    for _ in range(2):
        ProviderPageFactory(
            parent=directory, tools=[tool], regions=["bretagne"], departments=["69"]
        )
    with_n = queries_for(client, url)
    for _ in range(2):
        ProviderPageFactory(
            parent=directory, tools=[tool], regions=["bretagne"], departments=["69"]
        )
    with_2n = queries_for(client, url)
    assert with_n == with_2n
    html = client.get(url).content.decode()
    assert "Prestataires qui proposent ces outils" in html
    assert html.count('class="card provider-card"') == 4
    with django_assert_num_queries(with_n):
        client.get(url)
