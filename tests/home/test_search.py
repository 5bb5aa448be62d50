import pytest
from django.core.management import call_command

from tests.factories.home import StandardPageFactory


@pytest.fixture
def pages(home_page):
    found = StandardPageFactory(
        parent=home_page,
        title="Quitter Gmail",
        slug="quitter-gmail",
        introduction="Une messagerie associative hébergée par un chaton.",
    )
    StandardPageFactory(parent=home_page, title="Autre sujet", slug="autre")
    call_command("update_index", verbosity=0)
    return found


@pytest.mark.django_db
def test_search_finds_matching_pages_only(client, pages):
    response = client.get("/recherche/", {"q": "messagerie"})
    html = response.content.decode()
    assert "1 résultat pour «\u00a0messagerie\u00a0»" in html
    assert "Quitter Gmail" in html
    assert "Autre sujet" not in html


@pytest.mark.django_db
def test_empty_search_shows_the_form_without_results(client, pages):
    html = client.get("/recherche/").content.decode()
    assert 'id="recherche-q"' in html
    assert "résultat" not in html


@pytest.mark.django_db
def test_search_with_a_bad_page_number_falls_back(client, pages):
    response = client.get("/recherche/", {"q": "messagerie", "page": "abc"})
    assert "Quitter Gmail" in response.content.decode()
