"""The facts the directory counts on stay those of its listed providers through every event:
publishing, saving a draft, unpublishing, a view restriction added or removed, deleting."""

import re

import pytest
from wagtail.models import PageViewRestriction

from directory.models import ListingFact, Offering
from tests.factories.directory import ProviderPageFactory

pytestmark = pytest.mark.django_db


def counts(client, query=""):
    """(number of results, count shown for the "hebergement" prestation)."""
    html = client.get(f"/annuaire/?{query}").content.decode()
    total = re.search(r'role="status">(\d+) structure', html)
    hosting = re.search(r'<option value="hebergement"[^>]*>[^<]*\((\d+)\)', html)
    return (int(total.group(1)) if total else 0), int(hosting.group(1))


@pytest.fixture
def provider(directory):
    ProviderPageFactory(parent=directory, offerings=["hebergement"])
    return ProviderPageFactory(parent=directory, offerings=["diagnostic"], regions=["bretagne"])


def test_a_draft_changes_nothing_until_it_is_published(client, provider):
    assert counts(client) == (2, 1)
    provider.offerings.set(Offering.objects.filter(slug="hebergement"))
    provider.save_revision()
    assert counts(client) == (2, 1)
    assert counts(client, "prestation=hebergement") == (1, 1)
    provider.get_latest_revision().publish()
    assert counts(client) == (2, 2)
    assert counts(client, "prestation=hebergement") == (2, 2)


def test_unpublishing_and_republishing(client, provider):
    provider.unpublish()
    assert counts(client) == (1, 1)
    assert counts(client, "region=bretagne&locales=1") == (0, 0)
    provider.save_revision().publish()
    assert counts(client, "region=bretagne&locales=1") == (1, 0)


@pytest.mark.parametrize("on", ["provider", "directory"])
def test_a_private_provider_is_not_counted_until_it_is_public_again(client, provider, on):
    page = provider if on == "provider" else provider.get_parent()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    assert not ListingFact.objects.filter(provider=provider).exists()
    if on == "provider":
        assert counts(client, "region=bretagne&locales=1") == (0, 0)
    restriction.delete()
    assert counts(client, "region=bretagne&locales=1") == (1, 0)


def test_deleting_a_provider_deletes_its_facts(client, provider):
    pk = provider.pk
    provider.delete()
    assert not ListingFact.objects.filter(provider_id=pk).exists()
    assert counts(client) == (1, 1)


def test_a_publication_rewrites_areas_with_their_derived_régions_and_départements(provider):
    provider.regions.clear()
    provider.departments.set([])
    provider.save_revision().publish()
    assert not ListingFact.objects.filter(provider=provider, facet="departement").exists()
    provider.departments.set(provider.departments.model.objects.filter(code="69"))
    provider.save_revision().publish()
    facts = set(ListingFact.objects.filter(provider=provider).values_list("facet", flat=True))
    assert {"region", "departement", "prestation", "type"} <= facts
