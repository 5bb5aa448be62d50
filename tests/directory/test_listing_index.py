"""The directory's index of the facts is built once per version of the facts, shared through the
cache, built again when they change, and never taken back from an older version."""

import re

import pytest
from django.core.cache import cache

from directory import listing_index
from directory.listing_facts import VERSION_KEY, facts_changed, facts_version
from directory.models import Offering
from tests.factories.directory import ProviderPageFactory, ToolFactory

pytestmark = pytest.mark.django_db


def listed_titles(client, query=""):
    html = client.get(f"/annuaire/?{query}").content.decode()
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html)


def total(client):
    html = client.get("/annuaire/").content.decode()
    return int(re.search(r'role="status">(\d+) structure', html).group(1))


@pytest.fixture
def providers(directory):
    return [
        ProviderPageFactory(parent=directory, title=title, offerings=["hebergement"])
        for title in ("Bravo", "Charlie")
    ]


def test_the_index_is_built_once_then_read_from_the_process_or_the_shared_cache(
    providers, django_assert_num_queries
):
    with django_assert_num_queries(4):  # the facts; areas, prestations and tools offered
        built = listing_index.listing_index()
    with django_assert_num_queries(0):
        assert listing_index.listing_index() is built
    listing_index._kept.clear()  # another process: the shared cache has it
    with django_assert_num_queries(0):
        shared = listing_index.listing_index()
    assert list(shared.ids) == list(built.ids) == [p.pk for p in providers]
    assert shared.masks == built.masks


def test_a_new_version_of_the_facts_builds_it_again(client, directory, providers):
    assert listed_titles(client) == ["Bravo", "Charlie"]
    ProviderPageFactory(parent=directory, title="Alpha")
    assert listed_titles(client) == ["Alpha", "Bravo", "Charlie"]


@pytest.mark.parametrize("deleted", ["provider", "directory"])
def test_a_deletion_builds_it_again(client, directory, providers, deleted):
    assert total(client) == 2
    (providers[0] if deleted == "provider" else directory).delete()
    if deleted == "provider":
        assert total(client) == 1
    else:
        assert listing_index.listing_index().everyone == 0


def test_a_choice_renamed_or_unpublished_is_offered_as_it_now_is(client, directory):
    tool = ToolFactory(slug="nextcloud", name="Nextcloud")
    ProviderPageFactory(parent=directory, tools=[tool], offerings=["hebergement"])
    html = client.get("/annuaire/").content.decode()
    assert '<option value="nextcloud"' in html
    hosting = Offering.objects.get(slug="hebergement")
    hosting.name = "Hébergement libre"
    hosting.save()
    tool.live = False
    tool.save()
    html = client.get("/annuaire/").content.decode()
    assert re.search(r'<option value="hebergement"[^>]*>\s*Hébergement libre', html)
    assert '<option value="nextcloud"' not in html


def test_a_title_saved_alone_moves_the_provider_in_the_order(client, providers):
    assert listed_titles(client) == ["Bravo", "Charlie"]
    providers[1].title = "Alpha"
    providers[1].save(update_fields=["title"])
    assert listed_titles(client) == ["Alpha", "Bravo"]


def test_a_version_lost_by_the_cache_is_replaced_by_a_new_one(providers):
    before = facts_version()
    listing_index.listing_index()
    cache.delete(VERSION_KEY)
    assert facts_version() not in (None, before)


def test_the_version_changes_again_when_the_transaction_commits(
    django_capture_on_commit_callbacks,
):
    """An index built by another process between the rewrite and the commit saw the facts
    before the rewrite: the version it was built under must not stay current."""
    with django_capture_on_commit_callbacks(execute=True):
        facts_changed()
        during = facts_version()
    assert facts_version() != during


def test_providers_not_listed_have_no_bit(directory, providers):
    draft = ProviderPageFactory(parent=directory, title="Brouillon", live=False)
    index = listing_index.listing_index()
    assert index.mask_of([draft.pk]) == 0
    assert index.ids_of([index.mask_of([draft.pk, providers[1].pk])]) == [providers[1].pk]
