"""A NUL byte or another control character in an address never gives a 500.

PostgreSQL refuses NUL in any text value: each of these raised a DataError before.
"""

import json

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from home.control_characters import StripControlCharactersMiddleware
from tests.factories.directory import DirectoryIndexPageFactory, ProviderPageFactory
from tests.factories.home import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page):
    StandardPageFactory(parent=home_page, title="Quitter Gmail", slug="quitter-gmail")
    directory = DirectoryIndexPageFactory(parent=home_page)
    ProviderPageFactory(parent=directory, title="Les Libristes", slug="les-libristes")


@pytest.mark.parametrize(
    ("url", "expected_status"),
    [
        ("/recherche/?q=%00", 200),
        ("/annuaire/?q=%00", 200),
        ("/api/v2/pages/?search=%00", 200),
        ("/api/v2/pages/find/?html_path=%00", 302),  # an empty path: the home page
        ("/api/v2/images/?search=%00", 404),
        ("/recherche/?q=%01%1f%7f&page=%00", 200),
        ("/annuaire/?%00=1&region=%00bretagne", 200),
    ],
)
def test_control_characters_in_the_query_string_give_no_server_error(
    client, pages, url, expected_status
):
    assert client.get(url).status_code == expected_status


@pytest.mark.search_index
def test_a_search_still_searches_what_surrounds_a_nul(client, pages):
    html = client.get("/recherche/?q=%00Gmail").content.decode()
    assert "1 résultat pour «\u00a0Gmail\u00a0»" in html
    assert "Quitter Gmail" in html


@pytest.mark.search_index
def test_the_directory_still_filters_on_what_surrounds_a_nul(client, pages):
    html = client.get("/annuaire/?q=Libris%00tes").content.decode()
    assert "Les Libristes" in html


def test_the_api_still_finds_a_page_whose_path_carries_a_nul(client, pages):
    response = client.get("/api/v2/pages/find/?html_path=/quitter-%00gmail/")
    assert response.status_code == 302
    detail = client.get(response["Location"])
    assert json.loads(detail.content)["title"] == "Quitter Gmail"


def test_tabs_and_line_breaks_stay_and_the_query_string_matches_get():
    seen = {}

    def view(request):
        seen.update(query_string=request.META["QUERY_STRING"], q=request.GET.getlist("q"))
        return HttpResponse()

    request = RequestFactory().get("/recherche/?q=un%09deux%0Atrois%00&q=%00quatre")
    StripControlCharactersMiddleware(view)(request)
    assert seen["q"] == ["un\tdeux\ntrois", "quatre"]
    assert seen["query_string"] == "q=un%09deux%0Atrois&q=quatre"
