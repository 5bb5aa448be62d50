"""The public API shows live public pages and their public fields, and no upload."""

import json

import pytest
from wagtail.models import PageViewRestriction
from wagtail_factories import DocumentFactory, ImageFactory

from tests.factories.directory import DirectoryIndexPageFactory, ProviderPageFactory
from tests.factories.home import StandardPageFactory
from tests.factories.webinars import WebinarIndexPageFactory, WebinarPageFactory

pytestmark = pytest.mark.django_db

SECRET_EMAIL = "secret-contact@structure.example.org"
SECRET_JOIN_URL = "https://visio.example.org/b/salle-secrete"


@pytest.fixture
def private_pages(home_page):
    """A provider and a webinar whose contact address and meeting link must stay private."""
    directory = DirectoryIndexPageFactory(parent=home_page)
    provider = ProviderPageFactory(
        parent=directory, title="Les Libristes", contact_email=SECRET_EMAIL
    )
    webinars = WebinarIndexPageFactory(parent=home_page)
    webinar = WebinarPageFactory(parent=webinars, title="Visio libre", join_url=SECRET_JOIN_URL)
    return provider, webinar


def api_titles(client, query=""):
    response = client.get(f"/api/v2/pages/{query}")
    assert response.status_code == 200
    return {item["title"] for item in json.loads(response.content)["items"]}


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?fields=*",
        "/api/v2/pages/?type=directory.ProviderPage&fields=*",
        "/api/v2/pages/?type=webinars.WebinarPage&fields=*",
        "/api/v2/pages/?search=libre&fields=*",
    ],
)
@pytest.mark.search_index  # one of them searches
def test_listings_never_show_the_contact_email_or_the_meeting_link(client, private_pages, url):
    response = client.get(url)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Les Libristes" in body or "Visio libre" in body
    for secret in (SECRET_EMAIL, SECRET_JOIN_URL, "contact_email", "join_url"):
        assert secret not in body


def test_details_never_show_the_contact_email_or_the_meeting_link(client, private_pages):
    for page in private_pages:
        response = client.get(f"/api/v2/pages/{page.pk}/?fields=*")
        body = response.content.decode()
        assert page.title in body
        assert SECRET_EMAIL not in body and SECRET_JOIN_URL not in body


@pytest.mark.parametrize("field", ["contact_email", "join_url"])
def test_asking_for_a_private_field_is_refused(client, private_pages, field):
    response = client.get(
        f"/api/v2/pages/?type=webinars.WebinarPage,directory.ProviderPage&fields={field}"
    )
    assert response.status_code == 400
    assert SECRET_EMAIL not in response.content.decode()
    assert SECRET_JOIN_URL not in response.content.decode()


def test_drafts_unpublished_and_private_pages_stay_out_of_the_api(client, home_page):
    published = StandardPageFactory(parent=home_page, title="Publiée", slug="publiee")
    published.title = "Titre en brouillon"
    published.save_revision()
    unpublished = StandardPageFactory(parent=home_page, title="Retirée", slug="retiree")
    unpublished.unpublish()
    private = StandardPageFactory(parent=home_page, title="Réservée", slug="reservee")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    titles = api_titles(client)
    assert "Publiée" in titles
    assert titles.isdisjoint({"Titre en brouillon", "Retirée", "Réservée"})
    for page in (unpublished, private):
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
        assert client.get(f"/api/v2/pages/find/?html_path=/{page.slug}/").status_code == 404


@pytest.mark.parametrize(
    "url", ["/api/v2/images/", "/api/v2/documents/", "/api/v2/images/?search=%00"]
)
def test_the_api_lists_no_upload(client, home_page, url):
    ImageFactory(title="Photo de l'assemblée générale")
    DocumentFactory(title="Compte rendu du bureau")
    response = client.get(url)
    assert response.status_code == 404
    assert "assemblée" not in response.content.decode()
    assert "Compte rendu" not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?offset=99999999999999999999", "offset cannot be higher than 1000000"),
        ("?offset=1000001", "offset cannot be higher than 1000000"),
        ("find/?id=abc", "id must be a positive integer"),
        ("find/?id=99999999999999999999", "id must be a positive integer"),
    ],
)
def test_numbers_the_database_cannot_take_are_refused_with_a_400(client, home_page, query, message):
    response = client.get(f"/api/v2/pages/{query}")
    assert response.status_code == 400
    assert json.loads(response.content) == {"message": message}


def test_an_offset_within_bounds_still_pages(client, home_page):
    StandardPageFactory(parent=home_page, title="Publiée", slug="publiee")
    response = client.get("/api/v2/pages/?offset=1000000")
    assert json.loads(response.content)["items"] == []
