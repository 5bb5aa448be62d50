"""A provider's JSON-LD and link-preview tags: its public facts, never its private address."""

import json
import re

import pytest
from wagtail_factories import ImageFactory

from directory.models import ProviderLink
from tests.factories.directory import ProviderPageFactory

pytestmark = pytest.mark.django_db
PRIVATE = "demandes-privees@structure.example.org"


def organization(html):
    blocks = [
        json.loads(b) for b in re.findall(r'type="application/ld\+json">(.*?)</script>', html)
    ]
    return next(block for block in blocks if block["@type"] == "Organization")


@pytest.fixture
def provider(directory):
    page = ProviderPageFactory(
        parent=directory,
        title="Breizh Libre",
        slug="breizh-libre",
        introduction="Hébergement et formation pour les associations bretonnes.",
        city="Rennes",
        regions=["bretagne"],
        departments=["29"],
        remote=True,
        website="https://breizh-libre.example.org",
        fediverse_url="https://mastodon.example.org/@breizh",
        contact_email=PRIVATE,
        logo=ImageFactory(title="Logo", description="Un phare vert"),
        price_information="Forfait de 300 euros",
    )
    ProviderLink.objects.create(page=page, label="Forge", url="https://forge.example.org/breizh")
    return page


def test_a_provider_is_an_organization_with_every_public_fact(client, provider):
    html = client.get(provider.url).content.decode()
    data = organization(html)
    assert data["name"] == "Breizh Libre"
    assert data["url"] == "https://breizh-libre.example.org"
    assert data["mainEntityOfPage"] == "http://testserver/annuaire/breizh-libre/"
    assert data["description"] == "Hébergement et formation pour les associations bretonnes."
    assert data["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Rennes",
        "addressRegion": "Bretagne",
        "addressCountry": "FR",
    }
    assert [area["name"] for area in data["areaServed"]] == ["Bretagne", "Finistère", "France"]
    assert data["sameAs"] == [
        "https://breizh-libre.example.org",
        "https://mastodon.example.org/@breizh",
        "https://forge.example.org/breizh",
    ]
    assert data["logo"].startswith("http://testserver/media/images/")
    assert re.search(rf'<meta property="og:image" content="{re.escape(data["logo"])}">', html)
    assert '<meta property="og:image:alt" content="Un phare vert">' in html


def test_the_private_address_is_nowhere_in_the_page(client, provider):
    """Not in the JSON-LD, not in a meta tag, not anywhere in the HTML."""
    html = client.get(provider.url).content.decode()
    assert PRIVATE not in html
    assert "demandes-privees" not in html
    assert "email" not in json.dumps(organization(html)).lower()


def test_a_provider_without_website_or_logo_points_to_its_page(client, directory):
    provider = ProviderPageFactory(parent=directory, slug="sans-site", city="")
    html = client.get(provider.url).content.decode()
    data = organization(html)
    assert data["url"] == "http://testserver/annuaire/sans-site/"
    assert "logo" not in data and "address" not in data and "sameAs" not in data
    assert 'property="og:image"' not in html
