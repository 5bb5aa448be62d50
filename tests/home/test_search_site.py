"""The site search (/recherche/) over every kind of content, on SQLite and on PostgreSQL.

The data is a small copy of the demo's shape, built with the factories: services to replace
shown through the catalogue's routes, free alternatives, guides, providers, a webinar and the
legal pages. Tests that only PostgreSQL can pass (its French stemmer, its accent-free
configuration) skip elsewhere, with the reason.
"""

import html
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageViewRestriction

from home.demo_tools import ensure_home_page
from tests.factories.catalogue import (
    CatalogueIndexPageFactory,
    CategoryFactory,
    FreeAlternativeFactory,
    ProprietaryServiceFactory,
)
from tests.factories.diagnostic import DiagnosticPageFactory
from tests.factories.directory import DirectoryIndexPageFactory, ProviderPageFactory
from tests.factories.guides import GuideIndexPageFactory, GuidePageFactory
from tests.factories.home import StandardPageFactory
from tests.factories.webinars import WebinarIndexPageFactory, WebinarPageFactory
from tests.helpers import shared_test_data

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL seul : racinisation française et configuration sans accents",
)


@pytest.fixture(scope="module")
def site_content(django_db_setup, django_db_blocker):
    """Built once for the module, rolled back after it (tests only read it, or roll back)."""
    with shared_test_data(django_db_blocker):
        yield build_site_content()


def build_site_content():
    home = ensure_home_page()
    catalogue = CatalogueIndexPageFactory(parent=home)
    mail = CategoryFactory(name="Courrier électronique", slug="courriel")
    visio = CategoryFactory(name="Visioconférence", slug="visioconference")
    files = CategoryFactory(name="Stockage et partage de fichiers", slug="fichiers")
    chat = CategoryFactory(name="Messagerie instantanée", slug="discussion")
    gmail = ProprietaryServiceFactory(
        name="Gmail", slug="gmail", vendor="Google", category=mail,
        cost="Les courriels des membres sont lus pour cibler la publicité.",
    )  # fmt: skip
    zoom = ProprietaryServiceFactory(
        name="Zoom", slug="zoom", vendor="Zoom Video Communications", category=visio,
        cost="Des réunions enregistrées sur des serveurs hors d'Europe.",
    )  # fmt: skip
    ProprietaryServiceFactory(
        name="WhatsApp", slug="whatsapp", vendor="Meta", category=chat,
        cost="Les contacts du téléphone partent chez Meta.",
    )  # fmt: skip
    drive = ProprietaryServiceFactory(
        name="Google Drive", slug="google-drive", vendor="Google", category=files,
        cost="Les fichiers de l'association chez Google.",
    )  # fmt: skip
    ProprietaryServiceFactory(name="Brouillon Corp", slug="brouillon-corp", live=False)
    thunderbird = FreeAlternativeFactory(
        name="Thunderbird", slug="thunderbird", category=mail, replaces=[gmail],
        description="Un logiciel de courriel pour l'ordinateur du bureau.",
    )  # fmt: skip
    jitsi = FreeAlternativeFactory(
        name="Jitsi Meet", slug="jitsi-meet", category=visio, replaces=[zoom],
        description="Des réunions en visio depuis le navigateur, sans compte.",
    )  # fmt: skip
    nextcloud = FreeAlternativeFactory(
        name="Nextcloud", slug="nextcloud", category=files, replaces=[drive],
        description="Les fichiers partagés de l'association, hébergés par un chaton.",
    )  # fmt: skip
    FreeAlternativeFactory(
        name="Nextcloud Talk", slug="nextcloud-talk", category=visio, replaces=[zoom],
        description="La visio intégrée à Nextcloud.",
    )  # fmt: skip
    FreeAlternativeFactory(name="Logiciel en brouillon", slug="brouillon", live=False)

    guides = GuideIndexPageFactory(parent=home)
    GuidePageFactory(
        parent=guides, title="Quitter Gmail : une adresse au nom de l'association",
        slug="quitter-gmail", services=[gmail],
        introduction="Changer de messagerie au bureau sans perdre un courriel ni un fichier.",
    )  # fmt: skip
    GuidePageFactory(
        parent=guides, title="Choisir un hébergement éthique", slug="hebergement-ethique",
        introduction="Les questions à poser avant de confier vos données.",
    )  # fmt: skip
    GuidePageFactory(
        parent=guides, title="Des fichiers partagés pour le bureau", slug="fichiers-partages",
        introduction="Nos dossiers communs ont quitté Google Drive pour Nextcloud.",
    )  # fmt: skip
    private = GuidePageFactory(
        parent=guides, title="Gmail : notes internes du bureau", slug="notes-internes"
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    GuidePageFactory(parent=guides, title="Gmail : brouillon", slug="brouillon-gmail", live=False)

    directory = DirectoryIndexPageFactory(parent=home)
    ProviderPageFactory(
        parent=directory, title="Hébergeur Associatif Normand", slug="hebergeur-normand",
        tools=[nextcloud, thunderbird],
        introduction="Nous hébergeons les outils des associations de Normandie.",
    )  # fmt: skip
    ProviderPageFactory(
        parent=directory, title="Coopérative des réunions", slug="cooperative-reunions",
        tools=[jitsi], introduction="Nous installons et animons vos réunions en ligne.",
    )  # fmt: skip
    webinars = WebinarIndexPageFactory(parent=home)
    WebinarPageFactory(
        parent=webinars, title="Des réunions en visio sans Zoom", slug="visio-sans-zoom",
        introduction="Une heure pour essayer Jitsi Meet ensemble.",
    )  # fmt: skip
    StandardPageFactory(
        parent=home, title="Mentions légales", slug="mentions-legales",
        introduction="Éditeur, hébergeur du site et directrice de la publication.",
    )  # fmt: skip
    DiagnosticPageFactory(parent=home)
    call_command("update_index", verbosity=0)
    return catalogue


def search(client, **params):
    return client.get("/recherche/", params, HTTP_HOST="127.0.0.1")


def results(response):
    """(kind, title, href) of each result listed, in order, promoted ones included."""
    page = response.content.decode()
    found = []
    for item in re.findall(r'<li class="search-result[^"]*">(.*?)</li>', page, re.S):
        heading = item.split("</h2>")[0]
        title = " ".join(re.sub(r"<[^>]+>", "", heading).split())
        href = re.search(r'href="([^"]+)"', heading).group(1)
        kind = re.search(r'class="search-result__kind">([^<]+)<', item)
        found.append((kind.group(1) if kind else "", html.unescape(title), html.unescape(href)))
    return found


def titles(response):
    return [title for _kind, title, _href in results(response)]


pytestmark = pytest.mark.django_db


def test_gmail_gives_its_replace_page_then_the_guides_then_the_providers(client, site_content):
    found = results(search(client, q="gmail"))
    assert found[0] == ("Remplacer un service", "Remplacer Gmail", "/alternatives/remplacer/gmail/")
    assert found[1][:2] == ("Guide", "Quitter Gmail : une adresse au nom de l'association")
    # The provider hosting Thunderbird, which replaces Gmail, helps to leave it.
    assert found[2][:2] == ("Prestataire", "Hébergeur Associatif Normand")
    assert len(found) == 3


def test_drafts_and_private_pages_are_never_found(client, site_content):
    page = (
        search(client, q="brouillon").content.decode() + search(client, q="gmail").content.decode()
    )
    assert "Brouillon Corp" not in page
    assert "Logiciel en brouillon" not in page
    assert "notes internes" not in page
    assert "Gmail : brouillon" not in page


@pytest.mark.parametrize("query", ["zoom", "Zoom", "visio", "VISIO"])
def test_zoom_and_visio_reach_the_replace_zoom_page(client, site_content, query):
    found = results(search(client, q=query))
    assert ("Remplacer un service", "Remplacer Zoom", "/alternatives/remplacer/zoom/") in found[:5]


def test_whatsapp_reaches_its_page_first(client, site_content):
    assert titles(search(client, q="whatsapp"))[0] == "Remplacer WhatsApp"


def test_nextcloud_gives_the_alternative_then_who_mentions_it(client, site_content):
    found = results(search(client, q="nextcloud"))
    assert found[0] == (
        "Alternative libre",
        "Nextcloud",
        "/alternatives/remplacer/google-drive/#alternative-nextcloud",
    )
    kinds = {(kind, title) for kind, title, _href in found}
    assert ("Guide", "Des fichiers partagés pour le bureau") in kinds
    assert ("Prestataire", "Hébergeur Associatif Normand") in kinds
    assert ("Alternative libre", "Nextcloud Talk") in kinds


def test_each_kind_says_what_it_is(client, site_content):
    labels = {kind for kind, _title, _href in results(search(client, q="visio"))}
    labels |= {kind for kind, _title, _href in results(search(client, q="hébergeur"))}
    assert labels == {
        "Remplacer un service",
        "Alternative libre",
        "Guide",
        "Prestataire",
        "Webinaire",
        "Page",
    }


def test_a_word_finds_its_family_accents_aside(client, site_content):
    """hébergeur → hébergement (guide), hébergeons (provider), hébergés (alternative)."""
    for query in ["hébergeur", "hebergeur", "HÉBERGEMENT", "hebergement"]:
        found = set(titles(search(client, q=query)))
        assert {
            "Choisir un hébergement éthique",
            "Hébergeur Associatif Normand",
            "Nextcloud",
            "Mentions légales",
        } <= found, query


def test_a_legal_page_does_not_outrank_the_guides(client, site_content):
    found = titles(search(client, q="hébergeur"))
    assert found.index("Choisir un hébergement éthique") < found.index("Mentions légales")
    assert found[-1] == "Mentions légales"


def test_results_narrow_by_kind_with_counts(client, site_content):
    page = search(client, q="visio").content.decode()
    filters = re.findall(r'<nav class="search-kinds".*?</nav>', page, re.S)[0]
    links = [
        (html.unescape(href), " ".join(re.sub(r"<[^>]+>", "", text).split()))
        for href, text in re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', filters, re.S)
    ]
    assert links == [
        ("?q=visio", "Tout (4)"),
        ("?q=visio&type=service", "Services à remplacer (1)"),
        ("?q=visio&type=alternative", "Alternatives libres (2)"),
        ("?q=visio&type=webinaire", "Webinaires (1)"),
    ]

    narrowed = search(client, q="visio", type="alternative")
    assert [kind for kind, _title, _href in results(narrowed)] == ["Alternative libre"] * 2
    page = narrowed.content.decode()
    assert "2 résultats pour «\u00a0visio\u00a0» parmi les alternatives libres." in page
    assert '<a href="?q=visio&amp;type=alternative" aria-current="true">' in page


def test_an_unknown_kind_shows_every_result(client, site_content):
    assert titles(search(client, q="visio", type="inconnu")) == titles(search(client, q="visio"))


def test_results_are_paginated_keeping_the_query(client, site_content, monkeypatch):
    everything = titles(search(client, q="visio"))
    assert len(everything) == 4
    monkeypatch.setattr("home.views.RESULTS_PER_PAGE", 1)
    second = search(client, q="visio", page=2)
    assert titles(search(client, q="visio")) == everything[:1]
    assert titles(second) == everything[1:2]
    page = second.content.decode()
    assert 'value="visio"' in page
    assert 'href="?q=visio&amp;page=1" rel="prev"' in page
    assert 'href="?q=visio&amp;page=3" rel="next"' in page
    assert "Page 2 sur 4" in page
    assert titles(search(client, q="visio", page="abc")) == everything[:1]
    assert titles(search(client, q="visio", page=10**30)) == everything[3:]
    assert titles(search(client, q="visio", page=-3)) == everything[:1]
    narrowed = search(client, q="visio", type="alternative", page=2).content.decode()
    assert 'href="?q=visio&amp;type=alternative&amp;page=1" rel="prev"' in narrowed


def test_a_promoted_result_leads_and_is_not_repeated(client, site_content):
    guide = Page.objects.get(slug="quitter-gmail")
    SearchPromotion.objects.create(
        query=Query.get("gmail"), page=guide, sort_order=1, description="Par ici pour commencer."
    )
    found = titles(search(client, q="Gmail"))
    assert found[0] == "Quitter Gmail : une adresse au nom de l'association Recommandé"
    assert found[1:] == ["Remplacer Gmail", "Hébergeur Associatif Normand"]


def test_a_search_with_no_result_offers_the_catalogue_the_directory_and_the_diagnostic(
    client, site_content
):
    page = search(client, q="zzzz introuvable").content.decode()
    assert "Aucun résultat pour «\u00a0zzzz introuvable\u00a0»." in page
    ways = re.findall(r'<ul class="search-ways-in">(.*?)</ul>', page, re.S)[0]
    assert re.findall(r'href="([^"]+)"', ways) == [
        "/alternatives/",
        "/annuaire/",
        "/passer-au-libre/",
    ]
    assert 'value="zzzz introuvable"' in page


def test_an_empty_search_shows_the_form_only(client, site_content):
    page = search(client, q="   ").content.decode()
    assert 'id="recherche-q"' in page
    assert "résultat" not in page
    assert 'class="search-ways-in"' not in page


# The search's own queries, on top of the layout's (menu, footer, settings): the day's hit,
# the promotions, every page kind, the site, the catalogue page, services, alternatives and
# what they replace, providers helping to leave a service.
SEARCH_QUERIES = 9


def queries(client, **params):
    with CaptureQueriesContext(connection) as context:
        response = search(client, **params)
    return len(context.captured_queries), response


def test_a_results_page_costs_a_fixed_number_of_queries(client, site_content):
    """However many results: nine queries more than the search form alone (a warm, repeated
    search; the first search of a word on a day also records it for the editors)."""
    search(client, q="")
    layout, _response = queries(client, q="")
    search(client, q="hébergeur")
    small, small_page = queries(client, q="hébergeur")
    directory = Page.objects.get(slug="annuaire")
    gmail = ProprietaryServiceFactory._meta.model.objects.get(slug="gmail")
    for number in range(15):
        ProviderPageFactory(parent=directory, introduction=f"Hébergeur numéro {number}.")
        FreeAlternativeFactory(replaces=[gmail], description=f"Hébergé par le numéro {number}.")
    call_command("update_index", verbosity=0)
    search(client, q="hébergeur")  # new pages: the cached site structure is read again once
    large, large_page = queries(client, q="hébergeur")
    assert len(results(large_page)) == 10 > len(results(small_page))
    counted = 'Alternatives libres <span class="search-kinds__count">(16)</span>'
    assert counted in large_page.content.decode()
    assert large == small <= layout + SEARCH_QUERIES


def test_the_first_search_of_a_word_costs_five_queries_more(client, site_content):
    """It records the word and its first hit of the day (savepoint, insert, release)."""
    search(client, q="")
    layout, _response = queries(client, q="")
    search(client, q="visio")
    count, first = queries(client, q="réunions")
    assert "Coopérative des réunions" in titles(first)
    assert count <= layout + SEARCH_QUERIES + 5


@postgresql_only
def test_postgresql_stems_french_words(client, site_content):
    """The French configuration: a plural or a conjugated form finds the word."""
    assert "Choisir un hébergement éthique" in titles(search(client, q="hébergements"))
    assert "Coopérative des réunions" in titles(search(client, q="installer"))


@postgresql_only
def test_postgresql_configuration_ignores_accents():
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('french_unaccent', 'Hébergement éthique')::text")
        assert cursor.fetchone()[0] == "'ethiqu':2 'heberg':1"


def test_a_title_weighs_more_than_a_body(client, site_content):
    """Neither title holds both words, so relevance decides: "bureau" in a title beats it in
    an introduction."""
    assert titles(search(client, q="bureau fichiers", type="guide")) == [
        "Des fichiers partagés pour le bureau",
        "Quitter Gmail : une adresse au nom de l'association",
    ]


def test_searches_are_counted_for_the_editors_once_per_visit(client, site_content):
    """Wagtail's popular searches: the first page of a search counts, its other pages and its
    kind filters do not (the same visitor reading on)."""
    search(client, q="Hébergeur ")
    search(client, q="hébergeur")
    search(client, q="hébergeur", page=2)
    search(client, q="hébergeur", type="guide")
    assert Query.objects.get(query_string="hébergeur").hits == 2


def test_a_title_holding_every_word_leads_whatever_its_kind(client, site_content):
    """A provider named for the query comes before an alternative that only mentions it."""
    found = results(search(client, q="réunions"))
    assert found[0][:2] == ("Prestataire", "Coopérative des réunions")
    assert ("Alternative libre", "Jitsi Meet") in [result[:2] for result in found]


def test_a_word_in_a_title_counts_more_than_repeated_in_a_body(client, site_content):
    home = Page.objects.get(depth=2)
    StandardPageFactory(
        parent=home, title="Le bureau de l'association", slug="bureau",
        introduction="Qui fait quoi, et comment nous joindre pendant la semaine.",
    )  # fmt: skip
    StandardPageFactory(
        parent=home, title="Une page de plus", slug="de-plus",
        introduction="Le bureau se réunit chaque semaine. Le bureau décide. Merci au bureau.",
    )  # fmt: skip
    call_command("update_index", verbosity=0)
    # Neither title holds both words: relevance decides.
    found = titles(search(client, q="bureau semaine", type="page"))
    assert found == ["Le bureau de l'association", "Une page de plus"]


def test_only_the_results_shown_are_presented_and_helpers_to_leave_are_bounded(
    client, site_content, monkeypatch
):
    """A word can find thousands of providers (every one offering an alternative to Gmail at
    10 000 providers): the search ranks them all by title but works out the address and the
    summary of the ten it shows, and reads no more of them than MAX_RESULTS."""
    from home import search as site_search

    directory = Page.objects.get(slug="annuaire")
    thunderbird = FreeAlternativeFactory._meta.model.objects.get(slug="thunderbird")
    for number in range(14):
        ProviderPageFactory(parent=directory, title=f"Atelier {number:02}", tools=[thunderbird])
    presented = []
    real_present = site_search.PageHit.present
    monkeypatch.setattr(
        site_search.PageHit, "present", lambda hit: presented.append(hit) or real_present(hit)
    )
    monkeypatch.setattr(site_search, "MAX_RESULTS", 12)
    monkeypatch.setattr("directory.search.MAX_RESULTS", 12)
    page = search(client, q="gmail", type="prestataire").content.decode()
    assert "Atelier 00" in page and "Atelier 09" in page and "Atelier 10" not in page
    assert len(presented) == 10
    assert 'Prestataires <span class="search-kinds__count">(12)</span>' in page


def test_the_words_of_a_query_may_be_split_between_title_and_body(client, site_content):
    """ "gmail" is in the guide's title, "bureau" only in its introduction."""
    assert "Quitter Gmail : une adresse au nom de l'association" in titles(
        search(client, q="gmail bureau")
    )


@postgresql_only
def test_postgresql_matches_title_and_body_each_through_its_own_index(site_content):
    """Matching `title || body` reads the whole index table: no index holds the concatenation."""
    from wagtail.search.backends import get_search_backend

    found = get_search_backend().search("gmail bureau", Page.objects.all(), operator="and")
    with CaptureQueriesContext(connection) as context:
        assert len(list(found)) == 2  # the private page too: the view filters it out
    where = context.captured_queries[-1]["sql"].split(" WHERE ")[1].split(" ORDER BY ")[0]
    assert '"title" @@' in where and '"body" @@' in where and "||" not in where
