"""Whatever a visitor (or a robot) types, the search answers with a page, never an error.

Quotes, operators (AND, OR, -, !, &, |, :*), parentheses, backslashes, a NUL byte, 10 000
characters, an unknown kind or a page number that is not one: on SQLite and on PostgreSQL.
"""

import re

import pytest
from django.core.management import call_command

from home.demo_tools import ensure_home_page
from tests.factories.catalogue import (
    CatalogueIndexPageFactory,
    CategoryFactory,
    ProprietaryServiceFactory,
)
from tests.factories.home import StandardPageFactory
from tests.helpers import shared_test_data, without_index_updates

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def content(django_db_setup, django_db_blocker):
    """A catalogue entry and a page about Gmail, indexed once for the module: the tests only
    search them."""
    with shared_test_data(django_db_blocker), without_index_updates():
        home_page = ensure_home_page()
        CatalogueIndexPageFactory(parent=home_page)
        ProprietaryServiceFactory(
            name="Gmail", slug="gmail", category=CategoryFactory(name="Courrier électronique")
        )
        StandardPageFactory(
            parent=home_page,
            title="Quitter Gmail",
            slug="quitter-gmail",
            introduction="Le courriel.",
        )
        call_command("update_index", verbosity=0)
        yield


def search(client, **params):
    response = client.get("/recherche/", params, HTTP_HOST="127.0.0.1")
    assert response.status_code == 200
    return response.content.decode()


def result_titles(page):
    items = re.findall(r'<li class="search-result[^"]*">(.*?)</h2>', page, re.S)
    return [" ".join(re.sub(r"<[^>]+>", "", item).split()) for item in items]


@pytest.mark.parametrize(
    "query",
    [
        '"gmail"',
        'gmail "',
        '"gmail',
        "gmail AND",
        "AND gmail",
        "gmail OR",
        "gmail -",
        "(gmail",
        "gmail)",
        "gmail:*",
        "!gmail",
        "gmail & |",
        "gmail \\",
        "gmail '",
        "gmail*",
        "gmail^2",
        "gmail ~",
        "\x00gmail",
        "gmail\t\n",
        "gmail NEAR",
        "NOT gmail",
        "gmail 😀",
    ],
)
def test_operators_and_punctuation_are_plain_characters(client, content, query):
    assert result_titles(search(client, q=query)) == ["Remplacer Gmail", "Quitter Gmail"]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "'",
        "-",
        "AND",
        "OR",
        "NOT",
        "*",
        ":*",
        "!",
        "&|",
        "()",
        "\\",
        "😀",
        "l'",
        "a",
        "{title}:",
    ],
)
def test_a_query_of_nothing_but_operators_finds_nothing_and_says_so(client, content, query):
    page = search(client, q=query)
    assert result_titles(page) == []
    assert "Aucun résultat pour «\u00a0" in page


def test_ten_thousand_characters(client, content):
    page = search(client, q="gmail " + "x" * 10_000)
    assert 'maxlength="200"' in page
    assert "Aucun résultat pour «\u00a0gmail xxx" in page
    assert "x" * 201 not in page


def test_twelve_words_at_most_are_searched(client, content):
    many = "gmail " * 40
    assert result_titles(search(client, q=many)) == ["Remplacer Gmail", "Quitter Gmail"]


def test_an_unknown_kind_and_odd_page_numbers(client, content):
    for params in [
        {"type": "inconnu"},
        {"type": "<script>"},
        {"page": "abc"},
        {"page": "0"},
        {"page": "-1"},
        {"page": "9" * 40},
        {"page": "1e9"},
        {"page": ""},
    ]:
        assert result_titles(search(client, q="gmail", **params)) == [
            "Remplacer Gmail",
            "Quitter Gmail",
        ], params


def test_a_kind_with_nothing_found_says_so(client, content):
    page = search(client, q="gmail", type="guide")
    assert result_titles(page) == []
    assert "Aucun résultat pour «\u00a0gmail\u00a0»." in page


def test_markup_in_the_query_is_shown_as_text(client, content):
    page = search(client, q="<b>gmail</b>")
    assert "&lt;b&gt;gmail&lt;/b&gt;" in page
    assert "<b>gmail</b>" not in page
