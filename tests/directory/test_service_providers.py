"""On a catalogue "Remplacer …" page, each alternative names the live providers that offer it.

Who offers a tool is said on the provider's side only (its `tools`); the directory gives it to
the catalogue through the `catalogue_service_context` hook.
"""

import re

import pytest

from catalogue.models import CatalogueIndexPage
from tests.factories.catalogue import FreeAlternativeFactory, ProprietaryServiceFactory
from tests.factories.directory import ProviderPageFactory, ToolFactory

URL = "/alternatives/remplacer/google-drive/"


@pytest.fixture
def drive_page(directory, home_page):
    home_page.add_child(instance=CatalogueIndexPage(title="Alternatives", slug="alternatives"))
    nextcloud = ToolFactory(slug="nextcloud", name="Nextcloud")
    drive = ProprietaryServiceFactory(
        name="Google Drive", slug="google-drive", category=nextcloud.category
    )
    seafile = FreeAlternativeFactory(name="Seafile", slug="seafile", replaces=[drive])
    nextcloud.replaces.add(drive)
    nextcloud.save()  # a moderated entry writes its many-to-many on save
    ProviderPageFactory(parent=directory, title="Zèbre Libre", slug="zebre", tools=[nextcloud])
    ProviderPageFactory(
        parent=directory, title="Alpes Libres", slug="alpes", tools=[nextcloud, seafile]
    )
    hidden = ProviderPageFactory(
        parent=directory, title="Fiche retirée", slug="retiree", tools=[nextcloud]
    )
    hidden.unpublish()
    ProviderPageFactory(parent=directory, title="Sans ces outils", slug="ailleurs")
    return nextcloud


def card(html, slug):
    """The HTML of one alternative's card."""
    return re.search(rf'id="alternative-{slug}">.*?</article>', html, re.S).group(0)


def offered_by(html, slug):
    block = re.search(r"<dt>Proposé par</dt><dd>(.*?)</dd>", card(html, slug), re.S)
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', block.group(1)) if block else []


def test_each_alternative_names_the_live_providers_that_offer_it(client, drive_page):
    html = client.get(URL).content.decode()
    assert offered_by(html, "nextcloud") == [
        ("/annuaire/alpes/", "Alpes Libres"),
        ("/annuaire/zebre/", "Zèbre Libre"),
    ]
    assert offered_by(html, "seafile") == [("/annuaire/alpes/", "Alpes Libres")]
    assert "Fiche retirée" not in html and "Sans ces outils" not in html
    # The providers' section lists each provider once, even with two of these tools.
    assert html.count('class="card provider-card"') == 2


def test_an_alternative_nobody_offers_says_nothing_about_who_offers_it(client, drive_page):
    drive_page.providers.clear()
    html = client.get(URL).content.decode()
    assert "Proposé par" not in card(html, "nextcloud")
    assert offered_by(html, "seafile") == [("/annuaire/alpes/", "Alpes Libres")]


def test_a_long_list_names_a_few_and_links_to_the_directory_filtered_by_the_tool(
    client, directory, drive_page
):
    for letter in "BCD":
        ProviderPageFactory(
            parent=directory, title=f"{letter} Libre", slug=f"{letter.lower()}", tools=[drive_page]
        )
    html = client.get(URL).content.decode()
    assert offered_by(html, "nextcloud") == [
        ("/annuaire/alpes/", "Alpes Libres"),
        ("/annuaire/b/", "B Libre"),
        ("/annuaire/c/", "C Libre"),
        ("/annuaire/d/", "D Libre"),
        ("/annuaire/?outil=nextcloud", "et 1 autre structure dans l'annuaire"),
    ]
