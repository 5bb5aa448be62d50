"""On a catalogue "Remplacer …" page, each alternative names the live providers that offer it.

Who offers a tool is said on the provider's side only (its `tools`); the directory gives it to
the catalogue through the `catalogue_service_context` hook.
"""

import re

import pytest
from django.db.models.signals import post_init

from catalogue.models import CatalogueIndexPage
from directory.models import ProviderPage
from tests.factories.catalogue import FreeAlternativeFactory, ProprietaryServiceFactory
from tests.factories.directory import ProviderPageFactory, ToolFactory
from tests.helpers import assert_query_budget

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
    for provider in ProviderPage.objects.live().filter(tools=drive_page):
        provider.tools.remove(drive_page)  # said on the provider's side, and published
        provider.save_revision().publish()
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


@pytest.fixture
def gmail_page(directory, home_page):
    """Gmail, a mail server (hostable) and a mail client (not): who opens an account, who
    trains, and a provider "hosting" only the client, which is no mailbox."""
    home_page.add_child(instance=CatalogueIndexPage(title="Alternatives", slug="alternatives"))
    gmail = ProprietaryServiceFactory(name="Gmail", slug="gmail")
    server = FreeAlternativeFactory(
        name="Zimbra", slug="zimbra", self_hostable=True, replaces=[gmail]
    )
    client = FreeAlternativeFactory(
        name="Thunderbird", slug="thunderbird", self_hostable=False, replaces=[gmail]
    )
    make = ProviderPageFactory
    make(parent=directory, title="Hôte", slug="hote", offerings=["hebergement"], tools=[server])
    make(
        parent=directory,
        title="Formatrice",
        slug="formatrice",
        offerings=["formation-utilisateurs"],
        tools=[server, client],
    )
    make(
        parent=directory,
        title="Les deux",
        slug="deux",
        offerings=["hebergement", "diagnostic"],
        tools=[server],
    )
    make(
        parent=directory,
        title="Client seul",
        slug="client",
        offerings=["hebergement"],
        tools=[client],
    )
    return gmail


def section(html, section_id):
    """The provider names listed in one section of the page, in order ([] when absent)."""
    found = re.search(rf'<section aria-labelledby="{section_id}">.*?</section>', html, re.S)
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', found.group(0)) if found else []


def test_hosts_who_open_an_account_are_shown_apart_from_trainers_and_advisers(client, gmail_page):
    html = client.get("/alternatives/remplacer/gmail/").content.decode()
    assert "Des hébergeurs qui ouvrent les comptes" in html
    # Hosting a mail client opens no mailbox: that provider is not a host.
    assert section(html, "service-hosts") == ["Hôte", "Les deux"]
    # Each provider once: a host that also diagnoses says so on its card, among the hosts.
    assert section(html, "service-helpers") == ["Client seul", "Formatrice"]


def test_the_directory_filtered_by_tool_and_hosting_is_one_click_away(client, gmail_page):
    html = client.get("/alternatives/remplacer/gmail/").content.decode()
    start = re.search(r'<nav class="service-start".*?</nav>', html, re.S).group(0)
    filtered = "/annuaire/?outil=zimbra&amp;prestation=hebergement"
    assert f'<a href="{filtered}">Voir l\'annuaire filtré : les hébergeurs de Zimbra</a>' in start
    assert "thunderbird" not in start  # no host for a mail client
    assert f'<a href="{filtered}">les hébergeurs de Zimbra</a>' in html  # under the hosts too


def test_without_hosts_there_is_no_hosts_section_and_no_filtered_link(client, gmail_page):
    ProviderPage.objects.filter(slug__in=["hote", "deux"]).delete()
    html = client.get("/alternatives/remplacer/gmail/").content.decode()
    assert section(html, "service-hosts") == []
    assert "prestation=hebergement" not in html
    assert section(html, "service-helpers") == ["Client seul", "Formatrice"]


def test_many_providers_cost_no_more_queries_and_only_a_few_are_shown(
    client, directory, gmail_page
):
    """Twenty more hosts and trainers: the same queries, six cards a section, four names an
    alternative, and the count of the others from the database."""
    server, mail_client = gmail_page.alternatives.order_by("-self_hostable")

    def add_providers():
        for number in range(20):
            ProviderPageFactory(
                parent=directory,
                title=f"Structure {number:02}",
                slug=f"structure-{number}",
                offerings=["hebergement"] if number % 2 else ["formation-utilisateurs"],
                tools=[server, mail_client],
            )

    url = "/alternatives/remplacer/gmail/"
    html = assert_query_budget(client, url, 27, add_providers).content.decode()
    built = []

    def count(sender, instance, **kwargs):
        built.append(instance.pk)

    post_init.connect(count, sender=ProviderPage)
    try:
        client.get(url)
    finally:
        post_init.disconnect(count, sender=ProviderPage)
    # Seven cards a section at most (one more tells there are more) and four names an
    # alternative: never every one of the 24 providers.
    assert 0 < len(built) <= 2 * 7 + 2 * 4 < ProviderPage.objects.count()
    assert len(section(html, "service-hosts")) == 6
    assert len(section(html, "service-helpers")) == 6
    named = offered_by(html, "zimbra")
    assert len(named) == 5  # four structures, then the link to the others
    assert named[-1] == (
        "/annuaire/?outil=zimbra",
        "et 19 autres structures dans l'annuaire",
    )
