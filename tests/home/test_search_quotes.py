"""A double quote in a search is dropped, not a 500 (SQLite's FTS5, wagtail/wagtail#13227)."""

import pytest

from tests.factories.home import StandardPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.search_index]


@pytest.fixture
def page(home_page):
    return StandardPageFactory(parent=home_page, title="Quitter Gmail", slug="quitter-gmail")


@pytest.mark.parametrize("query", ['"Gmail"', 'Gmail "', '"quitter" "gmail', '"quitter gmail"'])
def test_the_site_search_survives_double_quotes(client, page, query):
    response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    assert "Quitter Gmail" in response.content.decode()


def test_a_search_of_markup_finds_nothing_and_says_so(client, page):
    response = client.get("/recherche/", {"q": '"><script>'})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Aucun résultat pour «\u00a0&quot;&gt;&lt;script&gt;\u00a0»." in html
    assert "0 résultat" not in html
    assert "Essayez un autre mot" in html


def test_the_api_search_survives_an_unbalanced_quote(client, page):
    response = client.get("/api/v2/pages/", {"search": 'Gmail "quitter'})
    assert response.status_code == 200
    assert "Quitter Gmail" in response.content.decode()
