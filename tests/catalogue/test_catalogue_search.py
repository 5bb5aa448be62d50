"""/alternatives/: search by service (`?q=`), filter by use (`?usage=`), one line per service
saying what replaces it, and a page whatever the visitor types."""

import re

import pytest

from tests.factories.catalogue import (
    CategoryFactory,
    FreeAlternativeFactory,
    ProprietaryServiceFactory,
)

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


@pytest.fixture
def catalogue(catalogue_index):
    mail = CategoryFactory(name="Courriel", slug="courriel", sort_order=1)
    visio = CategoryFactory(name="Visioconférence", slug="visioconference", sort_order=2)
    chat = CategoryFactory(name="Discussion", slug="discussion", sort_order=3)
    gmail = ProprietaryServiceFactory(name="Gmail", slug="gmail", vendor="Google", category=mail)
    zoom = ProprietaryServiceFactory(name="Zoom", slug="zoom", vendor="Zoom Video", category=visio)
    meet = ProprietaryServiceFactory(
        name="Google Meet", slug="google-meet", vendor="Google", category=visio
    )
    ProprietaryServiceFactory(name="WhatsApp", slug="whatsapp", vendor="Meta", category=chat)
    FreeAlternativeFactory(name="Thunderbird", category=mail, replaces=[gmail])
    FreeAlternativeFactory(name="Jitsi Meet", category=visio, replaces=[zoom, meet])
    FreeAlternativeFactory(name="BigBlueButton", category=visio, replaces=[zoom])
    FreeAlternativeFactory(name="Brouillon Libre", category=visio, replaces=[zoom], live=False)
    return catalogue_index


def get(client, **params):
    response = client.get("/alternatives/", params)
    assert response.status_code == 200
    return response.content.decode()


def listed_services(html):
    return re.findall(r'aria-label="Remplacer [^"]+">([^<]+)</a>', html)


def listed_uses(html):
    return re.findall(r'<h2 id="[^"]+-title"[^>]*>([^<]+)</h2>', html)


@pytest.mark.parametrize(
    ("params", "services"),
    [
        ({}, ["Gmail", "Google Meet", "Zoom", "WhatsApp"]),
        # By the service's common name, in any case, with or without accents.
        ({"q": "zoom"}, ["Zoom"]),
        ({"q": "WHATSAPP"}, ["WhatsApp"]),
        ({"q": "gmail"}, ["Gmail"]),
        # By its vendor, its use, or the name of a published alternative.
        ({"q": "google"}, ["Gmail", "Google Meet"]),
        ({"q": "visioconference"}, ["Google Meet", "Zoom"]),
        ({"q": "jitsi"}, ["Google Meet", "Zoom"]),
        ({"q": "bigbluebutton"}, ["Zoom"]),
        # Every word must be found; a draft alternative is not searched.
        ({"q": "google meet"}, ["Google Meet"]),
        ({"q": "brouillon"}, []),
        # By use, and both together.
        ({"usage": "visioconference"}, ["Google Meet", "Zoom"]),
        ({"usage": "visioconference", "q": "google"}, ["Google Meet"]),
        ({"usage": "courriel", "q": "zoom"}, []),
        # An unknown use filters nothing out.
        ({"usage": "inconnu"}, ["Gmail", "Google Meet", "Zoom", "WhatsApp"]),
    ],
)
def test_search_and_use_filter_list_exactly_the_expected_services(
    client, catalogue, params, services
):
    assert listed_services(get(client, **params)) == services


def test_each_service_says_in_one_line_what_replaces_it(client, catalogue):
    html = get(client)
    zoom = re.search(r'"Remplacer Zoom">Zoom</a>.*?</li>', html, re.S).group(0)
    assert "(Zoom Video)&nbsp;: remplacé par BigBlueButton, Jitsi Meet</li>" in zoom
    assert "Brouillon Libre" not in html
    whatsapp = re.search(r'"Remplacer WhatsApp">WhatsApp</a>.*?</li>', html, re.S).group(0)
    assert "pas encore d'alternative publiée" in whatsapp
    assert '<a href="/alternatives/remplacer/zoom/" aria-label="Remplacer Zoom">Zoom</a>' in html


def test_a_filtered_page_lists_only_the_uses_with_a_match_and_counts_them(client, catalogue):
    html = get(client, q="google")
    assert listed_uses(html) == ["Courriel", "Visioconférence"]
    assert '<p class="catalogue-count" role="status">2 services correspondent' in html
    assert '<option value="visioconference">Visioconférence (1)</option>' in html
    assert "catalogue-toc" not in html
    html = get(client, usage="visioconference")
    assert '<option value="visioconference" selected>Visioconférence (2)</option>' in html
    assert listed_uses(html) == ["Visioconférence"]
    # Unfiltered, every use is listed, with the table of uses.
    assert listed_uses(get(client)) == ["Les usages", "Courriel", "Visioconférence", "Discussion"]


def test_no_match_says_so_and_links_back_to_the_whole_catalogue(client, catalogue):
    html = get(client, q="myspace")
    assert (
        f"Aucun service ne correspond à «{NBSP}myspace{NBSP}». "
        '<a href="/alternatives/">Voir tout le catalogue</a>' in html
    )
    assert listed_services(html) == []


def test_a_long_use_ends_with_a_link_back_to_the_top(client, catalogue):
    networks = CategoryFactory(name="Réseaux", slug="reseaux", sort_order=4)
    for name in ("Facebook", "Instagram", "LinkedIn"):
        ProprietaryServiceFactory(name=name, category=networks)

    def section(slug):
        return re.search(rf'id="{slug}".*?</section>', get(client), re.S).group(0)

    assert "Haut de page" not in section("reseaux")
    ProprietaryServiceFactory(name="X", category=networks)
    assert '<p class="catalogue-top"><a href="#contenu">Haut de page</a></p>' in section("reseaux")
    assert "Haut de page" not in section("visioconference")


@pytest.mark.parametrize(
    "query",
    [
        "x" * 10_000,
        "zoom\x00",
        "\x00",
        '"><script>alert(1)</script>',
        "'; DROP TABLE catalogue_category; --",
        "%00%27%22",
        "\ufffd\u202e\u200b",
        "    ",
    ],
)
def test_hostile_input_gives_a_page_never_an_error(client, catalogue, query):
    html = get(client, q=query, usage=query)
    assert "<script>alert(1)" not in html
    assert "\x00" not in html
    value = re.search(r'<input id="catalogue-q" type="search" name="q" value="([^"]*)"', html)
    assert len(value.group(1)) <= 100 * len("&#x27;")


def test_control_characters_are_dropped_and_the_rest_searched(client, catalogue):
    html = get(client, q="\x00zo\x00om\x07")
    assert listed_services(html) == ["Zoom"]
    assert 'name="q" value="zoom"' in html
