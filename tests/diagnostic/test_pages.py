"""The diagnostic page: its form, its result, hostile query strings, the kit and the print view."""

import json
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from catalogue.models import ProprietaryService
from diagnostic.models import DiagnosticPage
from directory.models import ProviderPage
from home.demo_tools import ensure_home_page
from home.models import HomePage
from tests.factories.catalogue import (
    CatalogueIndexPageFactory,
    CategoryFactory,
    FreeAlternativeFactory,
    ProprietaryServiceFactory,
)
from tests.factories.diagnostic import DiagnosticPageFactory
from tests.factories.directory import DirectoryIndexPageFactory, ProviderPageFactory
from tests.factories.guides import GuideIndexPageFactory, GuidePageFactory
from tests.factories.webinars import WebinarIndexPageFactory, WebinarPageFactory
from tests.helpers import assert_query_budget, shared_test_data, without_index_updates
from webinars.models import WebinarIndexPage

pytestmark = pytest.mark.django_db

RESULT = "?outils=gmail&outils=doodle&departement=35&taille=small&moyens=aucun&souhaits=formation"
ARGUMENT = {
    "title": "Vos courriels sont lus",
    "problem": "<p>Le fournisseur analyse les messages.</p>",
    "why_it_matters": "<p>Les données des membres ne sont pas les nôtres.</p>",
    "ethical_answer": "<p>Un hébergeur éthique ne lit rien.</p>",
    "sources": [],
}


@pytest.fixture(scope="module")
def site_content(django_db_setup, django_db_blocker):
    """A small catalogue, directory, guides and webinars around the diagnostic page, built once
    for the module: each test reads it, or adds to it what is rolled back after the test."""
    with shared_test_data(django_db_blocker), without_index_updates():
        yield build_site_content()


def build_site_content():
    home_page = ensure_home_page()
    CatalogueIndexPageFactory(parent=home_page)
    guide_index = GuideIndexPageFactory(parent=home_page)
    mail = CategoryFactory(name="Courriel", slug="courriel", live=True)
    polls = CategoryFactory(name="Sondages", slug="sondages", live=True)
    gmail = ProprietaryServiceFactory(
        name="Gmail", slug="gmail", category=mail, live=True, cost="Google lit vos courriels."
    )
    doodle = ProprietaryServiceFactory(name="Doodle", slug="doodle", category=polls, live=True)
    roundcube = FreeAlternativeFactory(
        name="Roundcube", slug="roundcube", category=mail, live=True, replaces=[gmail]
    )
    thunderbird = FreeAlternativeFactory(
        name="Thunderbird",
        slug="thunderbird",
        category=mail,
        live=True,
        replaces=[gmail],
        self_hostable=False,
    )
    FreeAlternativeFactory(  # installable, but no provider of the directory offers it
        name="SnappyMail", slug="snappymail", category=mail, live=True, replaces=[gmail]
    )
    framadate = FreeAlternativeFactory(
        name="Framadate", slug="framadate", category=polls, live=True, replaces=[doodle]
    )
    directory = DirectoryIndexPageFactory(parent=home_page)
    ProviderPageFactory(
        parent=directory,
        title="Breizh Libre",
        departments=["35"],
        tools=[roundcube, thunderbird],
        offerings=["hebergement", "formation-utilisateurs"],
        prices_adapted=True,
    )
    ProviderPageFactory(
        parent=directory, title="Lyon Libre", departments=["69"], tools=[roundcube, framadate]
    )
    ProviderPageFactory(
        parent=directory, title="Alpha Marseille", departments=["13"], tools=[roundcube]
    )
    GuidePageFactory(parent=guide_index, title="Quitter Gmail pas à pas", services=[gmail])
    GuidePageFactory(
        parent=guide_index,
        title="Pourquoi quitter Gmail",
        kind="argument",
        services=[gmail],
        body=json.dumps([{"type": "argument", "value": ARGUMENT}]),
    )
    GuidePageFactory(
        parent=guide_index,
        title="Le club de foot a quitté Gmail",
        kind="testimony",
        tools_before=[gmail],
        association_kind="sport",
        association_size="small",
        switch_duration="under_3_months",
        cost_range="free",
    )
    webinars = WebinarIndexPageFactory(parent=home_page)
    upcoming = WebinarPageFactory(parent=webinars, title="Atelier courriel libre")
    past = WebinarPageFactory(
        parent=webinars, title="Ancien atelier", start=timezone.now() - timedelta(days=30)
    )
    for webinar in (upcoming, past):
        webinar.topics.set([mail])
        webinar.save()
    page = DiagnosticPageFactory(parent=home_page)
    return {
        "page": page,
        "directory": directory,
        "thunderbird": thunderbird,
        "guide_index": guide_index,
    }


def get(client, query=""):
    response = client.get("/passer-au-libre/" + query)
    assert response.status_code == 200
    return response.content.decode()


class TestPageType(WagtailPageTestCase):
    def test_one_diagnostic_under_the_home_page(self):
        self.assertCanCreateAt(HomePage, DiagnosticPage)
        self.assertAllowedSubpageTypes(DiagnosticPage, {})
        assert DiagnosticPage.max_count == 1


def test_the_bare_page_shows_the_form_by_use_with_a_typed_departement(client, site_content):
    html = get(client)
    assert "<legend>Courriel</legend>" in html
    # Each box inside its label, without list items around: the form stays light.
    assert '<label><input type="checkbox" id="outil-gmail" name="outils" value="gmail">' in html
    # The département is typed, not picked among 101 options; empty means "à distance".
    assert '<input type="text" id="diagnostic-departement" name="departement" value=""' in html
    assert '<option value="35"' not in html
    assert "Votre plan, étape par étape" not in html


@pytest.mark.parametrize(
    "typed", ["35", "Ille-et-Vilaine", "ille et vilaine", "ILLE-ET-VILAINE (35)", " 35 "]
)
def test_a_departement_is_understood_by_number_or_name(client, site_content, typed):
    html = get(client, f"?outils=gmail&departement={quote(typed)}")
    assert "Ille-et-Vilaine (35), Bretagne" in html
    assert "ont été ignorées" not in html
    # The shared link names it by its number, whatever was typed.
    assert 'href="/passer-au-libre/?outils=gmail&amp;departement=35"' in html


@pytest.mark.parametrize(("typed", "found"), [("5", "Hautes-Alpes (05)"), ("2a", "(2A)")])
def test_short_or_lower_case_numbers_are_understood(client, site_content, typed, found):
    assert found in get(client, f"?outils=gmail&departement={typed}")


def test_an_unknown_departement_is_named_and_the_plan_works_remotely(client, site_content):
    html = get(client, "?outils=gmail&departement=Atlantide")
    assert "« Atlantide »" in html and "ont été ignorées" in html
    assert "À distance, ou peu importe" in html
    assert "Google lit vos courriels." in html


def test_the_result_does_not_repeat_the_form_but_links_to_it_filled(client, site_content):
    html = get(client, RESULT)
    assert 'name="outils"' not in html
    edit_url = "/passer-au-libre/" + RESULT.replace("&", "&amp;") + "&amp;modifier=1"
    assert f'<a href="{edit_url}">Modifier vos réponses</a>' in html
    form = get(client, RESULT + "&modifier=1")
    assert "Votre plan, étape par étape" not in form
    assert 'id="outil-gmail" name="outils" value="gmail" checked' in form
    assert 'name="departement" value="Ille-et-Vilaine (35)"' in form
    assert 'id="taille-small" name="taille" value="small" checked' in form
    # The form sends the answers back without the "modifier" parameter.
    assert 'name="modifier"' not in form


def test_the_result_explains_each_tool_and_splits_its_alternatives(client, site_content):
    html = get(client, RESULT)
    assert "Google lit vos courriels." in html
    hosted, installed = html.split("Un hébergeur vous l'ouvre")[1].split(
        "Vous l'installez vous-même", 1
    )
    assert "Roundcube" in hosted
    assert hosted.index("Breizh Libre") < hosted.index("Alpha Marseille")  # proposed ones first
    installed = installed.split("</ul>")[0]
    assert "Thunderbird" in installed and "SnappyMail" in installed
    assert "Pour vous aider\u00a0: <a" in installed  # a program to install, a provider to help
    assert "SnappyMail" not in hosted
    assert html.index("Quitter Gmail pas à pas") < html.index("Pourquoi quitter Gmail")


def test_the_result_names_the_providers_that_fit_with_their_reasons(client, site_content):
    html = get(client, RESULT)
    assert (
        "héberge Roundcube · maîtrise Thunderbird · intervient sur place : Ille-et-Vilaine (35)"
        in html
    )
    assert "propose : formation des utilisateurs" in html
    assert "tarifs adaptés aux associations" in html
    assert "Lyon Libre</a></h3>" not in html  # neither in the area nor remote
    assert "/annuaire/?departement=35&amp;prestation=formation-utilisateurs" in html


def test_a_full_provider_is_still_shown_and_marked(client, site_content):
    ProviderPage.objects.filter(title="Breizh Libre").update(accepting_new_associations=False)
    html = get(client, RESULT)
    assert "Breizh Libre</a></h3>" in html and "Complet pour le moment" in html


def test_the_plan_follows_the_answers(client, site_content):
    html = get(client, RESULT)
    for step in ("board", "diagnosis", "one_at_a_time", "training", "follow_up"):
        assert f"Étape {step}" in html
    assert "Étape global" not in html
    assert "décide de quitter Gmail, Doodle et de passer au libre." in html
    assert "Comptez deux à trois ans" in html
    no_training = get(client, RESULT.replace("&souhaits=formation", ""))
    assert "Étape training" not in no_training


def test_the_result_lists_the_next_webinars_on_those_uses(client, site_content):
    html = get(client, RESULT)
    assert "Atelier courriel libre" in html
    assert "Ancien atelier" not in html


def test_the_result_shows_testimonies_of_associations_like_this_one(client, site_content):
    html = get(client, RESULT)
    assert "Des associations comme la vôtre" in html
    assert "Le club de foot a quitté Gmail" in html


def test_the_result_links_to_itself_the_print_view_and_the_board_kit(client, site_content):
    html = get(client, RESULT)
    query = "?outils=gmail&amp;outils=doodle&amp;departement=35&amp;taille=small"
    assert f'href="/passer-au-libre/{query}' in html
    assert f'href="/passer-au-libre/imprimer/{query}' in html
    assert f'href="/passer-au-libre/kit-conseil/{query}' in html


def test_nothing_found_says_so_and_offers_remote_providers(client, site_content):
    ProviderPageFactory(parent=site_content["directory"], title="Partout en ligne", remote=True)
    html = get(client, "?outils=doodle&departement=2A&souhaits=hebergement")
    assert "Aucune structure de l'annuaire ne correspond encore" in html
    assert "Partout en ligne" in html


@pytest.mark.parametrize(
    "query",
    [
        "?outils=gmail&outils=inconnu&outils=1%27%20OR%201=1",
        "?outils=gmail&departement=999&taille=geante&moyens=millions&souhaits=tout",
        "?outils=gmail&taille=small&taille=large",
        "?" + "&".join(["outils=gmail"] + [f"outils=x{n}" for n in range(2000)]),
    ],
)
def test_hostile_values_are_ignored_with_a_notice_never_an_error(client, site_content, query):
    html = get(client, query)
    assert "ont été ignorées" in html
    assert "Google lit vos courriels." in html  # the known tool still gives a plan


def test_control_characters_are_dropped_and_the_rest_understood(client, site_content):
    html = get(client, "?outils=%00gmail&departement=%0035&probleme=%00")
    assert "Google lit vos courriels." in html
    assert "Ille-et-Vilaine (35), Bretagne" in html
    assert "ont été ignorées" not in html


def test_more_fields_than_django_reads_still_give_a_page(client, site_content, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
    html = get(client, "?" + "&".join(["outils=gmail"] * 60))
    assert "Google lit vos courriels." in html and "ont été ignorées" in html


def test_a_notice_quotes_only_a_few_short_values(client, site_content):
    html = get(client, "?outils=gmail&" + "&".join(f"outils={'y' * 80}{n}" for n in range(9)))
    assert "y" * 31 not in html
    assert "et 4 autres" in html


def test_answers_without_a_tool_ask_for_one(client, site_content):
    html = get(client, "?departement=35&taille=small")
    assert "Cochez au moins un outil" in html
    assert "Votre plan, étape par étape" not in html


def test_the_board_kit_brings_costs_arguments_and_the_draft(client, site_content):
    response = client.get("/passer-au-libre/kit-conseil/" + RESULT)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Google lit vos courriels." in html
    assert "Vos courriels sont lus" in html and "Un hébergeur éthique ne lit rien." in html
    assert "décide de quitter Gmail, Doodle et de passer au libre." in html
    bare = client.get("/passer-au-libre/kit-conseil/").content.decode()
    assert "passer au libre." in bare and "Vos courriels sont lus" not in bare


def test_the_print_view_has_the_plan_without_the_site_navigation(client, site_content):
    response = client.get("/passer-au-libre/imprimer/" + RESULT)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Étape board" in html and "Breizh Libre" in html
    assert "site-header" not in html and "print-section" in html
    assert "Faire le diagnostic" in client.get("/passer-au-libre/imprimer/").content.decode()


def test_the_result_costs_the_same_queries_whatever_the_directory_and_catalogue(
    client, site_content
):
    guide_index = site_content["guide_index"]
    gmail = ProprietaryService.objects.get(slug="gmail")
    webinars = WebinarIndexPage.objects.get()

    def add_content():
        for n in range(4):
            ProprietaryServiceFactory(category=gmail.category, live=True)
            alternative = FreeAlternativeFactory(
                category=gmail.category, live=True, replaces=[gmail]
            )
            ProviderPageFactory(
                parent=site_content["directory"],
                remote=n % 2 == 0,
                departments=["35", "29"],
                regions=["bretagne"],
                tools=[alternative, site_content["thunderbird"]],
                offerings=["hebergement", "formation-utilisateurs"],
            )
            GuidePageFactory(
                parent=guide_index,
                services=[gmail],
                kind="testimony",
                tools_before=[gmail],
                association_kind="sport",
                association_size="small",
                switch_duration="under_3_months",
                cost_range="free",
            )
            webinar = WebinarPageFactory(parent=webinars)
            webinar.topics.set([gmail.category])
            webinar.save()

    assert_query_budget(client, "/passer-au-libre/" + RESULT, 12, add_content)
