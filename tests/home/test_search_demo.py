"""The site search on the demo content, as a visitor meets it (SQLite and PostgreSQL)."""

import re

import pytest

pytestmark = pytest.mark.django_db


def found(client, query):
    """(kind, title) of each result of the first page, in order."""
    response = client.get("/recherche/", {"q": query}, HTTP_HOST="127.0.0.1")
    page = response.content.decode()
    results = []
    for item in re.findall(r'<li class="search-result[^"]*">(.*?)</li>', page, re.S):
        title = " ".join(re.sub(r"<[^>]+>", "", item.split("</h2>")[0]).split())
        kind = re.search(r'class="search-result__kind">([^<]+)<', item).group(1)
        results.append((kind, title.replace("&#x27;", "'")))
    return results


def test_gmail_gives_remplacer_gmail_then_guides_then_providers(client, demo_site):
    kinds = [kind for kind, _title in found(client, "gmail")]
    assert found(client, "gmail")[0] == ("Remplacer un service", "Remplacer Gmail")
    assert kinds[1] == "Guide"
    assert "Prestataire" in kinds
    # Guides first, then providers: no guide after the first provider.
    first_provider = kinds.index("Prestataire")
    assert "Guide" not in kinds[first_provider:]


@pytest.mark.parametrize("query", ["zoom", "visio", "visioconférence"])
def test_zoom_and_visio_reach_remplacer_zoom(client, demo_site, query):
    assert ("Remplacer un service", "Remplacer Zoom") in found(client, query)[:5]


def test_whatsapp_reaches_its_page(client, demo_site):
    assert found(client, "whatsapp")[0] == ("Remplacer un service", "Remplacer WhatsApp")


def test_nextcloud_gives_the_alternative_then_providers_and_guides(client, demo_site):
    results = found(client, "nextcloud")
    assert results[0] == ("Alternative libre", "Nextcloud")
    kinds = {kind for kind, _title in results}
    assert {"Guide", "Prestataire"} <= kinds


@pytest.mark.parametrize("query", ["hébergeur", "hebergeur", "hébergement", "hebergement"])
def test_hebergeur_and_hebergement_find_each_other(client, demo_site, query):
    titles = [title for _kind, title in found(client, query)]
    assert "Alpes Hébergement Éthique" in titles
    assert "Hébergeur Associatif Lorrain" in titles
    assert titles[0] == "Ce qui fait un logiciel libre et un hébergeur éthique"
