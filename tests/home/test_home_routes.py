"""The home page's way in: the diagnostic first, three direct routes, the next webinar.

Home names no higher app: the diagnostic and the webinars bring these through the
`home_page_context` hook, and a route whose page is not published is left out."""

import datetime

import pytest
from django.utils import timezone

from tests.factories.diagnostic import DiagnosticPageFactory
from tests.factories.directory import DirectoryIndexPageFactory
from tests.factories.webinars import WebinarIndexPageFactory, WebinarPageFactory
from tests.helpers import assert_query_budget

CALL_TO_ACTION = "Passez au libre : faites le point en 5 minutes"


@pytest.fixture
def diagnostic(home_page):
    return DiagnosticPageFactory(parent=home_page)


@pytest.fixture
def webinars(home_page):
    return WebinarIndexPageFactory(parent=home_page)


def webinar(index, title, days):
    return WebinarPageFactory(
        parent=index, title=title, start=timezone.now() + datetime.timedelta(days=days)
    )


def test_the_call_to_action_and_the_three_routes(client, diagnostic, catalogue_index, home_page):
    DirectoryIndexPageFactory(parent=home_page)
    html = client.get("/").content.decode()
    assert f'href="/passer-au-libre/">{CALL_TO_ACTION}</a>' in html
    routes = html.split('class="home-routes"')[1].split("</nav>")[0]
    assert routes.index('href="/alternatives/"') < routes.index("Je remplace un outil")
    help_nearby = "Je cherche de l&#x27;aide près de chez moi"
    assert routes.index('href="/annuaire/"') < routes.index(help_nearby)
    assert routes.index('href="/passer-au-libre/"') < routes.index("Je fais le point")
    # Above the rest: the call to action comes before any other section of the page.
    assert html.index(CALL_TO_ACTION) < html.index('class="stream"')


def test_an_unpublished_section_is_not_offered(client, diagnostic, catalogue_index):
    diagnostic.unpublish()
    html = client.get("/").content.decode()
    assert CALL_TO_ACTION not in html
    assert "Je fais le point" not in html
    assert "Je remplace un outil" in html


def test_the_next_webinar_is_the_soonest_one_not_over(client, webinars):
    webinar(webinars, "Déjà passé", -3)
    webinar(webinars, "Dans un mois", 30)
    soon = webinar(webinars, "Dans deux jours", 2)
    draft = webinar(webinars, "Brouillon de demain", 1)
    draft.unpublish()
    html = client.get("/").content.decode()
    section = html.split('aria-labelledby="home-webinar-title"')[1].split("</section>")[0]
    assert "Prochain webinaire" in html
    assert f'href="{soon.url}">Dans deux jours</a>' in section
    assert "Dans un mois" not in section and "Déjà passé" not in section
    assert "Brouillon" not in section


def test_no_webinar_to_come_no_section(client, webinars):
    webinar(webinars, "Déjà passé", -3)
    assert "Prochain webinaire" not in client.get("/").content.decode()


def test_the_way_in_costs_the_same_whatever_the_number_of_webinars(
    client, diagnostic, catalogue_index, webinars
):
    webinar(webinars, "Le premier", 3)
    assert_query_budget(
        client,
        "/",
        budget=1,  # the next webinar; the rest comes from the cached site structure
        add_content=lambda: [webinar(webinars, f"Autre {n}", 5 + n) for n in range(4)],
    )
