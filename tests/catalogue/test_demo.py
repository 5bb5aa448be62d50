import io

import pytest
from wagtail.models import Revision

from catalogue.models import Category, FreeAlternative, ProprietaryService
from home import demo as home_demo
from home import demo_loader

# The demo loaded once for the run (on SQLite a copy of it): the tests read its catalogue, and
# the first loads the catalogue once more on top of it.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]


def load():
    home_demo.load(io.StringIO())
    demo_loader.load("catalogue")


def snapshot():
    return (
        Category.objects.count(),
        ProprietaryService.objects.count(),
        FreeAlternative.objects.count(),
        FreeAlternative.replaces.through.objects.count(),
        Revision.objects.count(),
    )


def test_the_demo_catalogue_is_large_enough_and_idempotent():
    first = snapshot()
    load()
    assert snapshot() == first
    categories, services, alternatives, links, _revisions = first
    assert categories >= 12
    assert services >= 30
    assert alternatives >= 40
    assert not ProprietaryService.objects.filter(alternatives__isnull=True).exists()
    assert links >= alternatives


def test_demo_alternatives_are_complete_and_secure_links(client):
    for alternative in FreeAlternative.objects.all():
        assert alternative.website.startswith("https://"), alternative
        assert alternative.licence and alternative.description, alternative
        assert alternative.replaces.exists(), alternative
    page = client.get("/alternatives/remplacer/zoom/").content.decode()
    assert "Jitsi Meet" in page


def test_demo_entries_are_published_as_a_moderator_would():
    for model in (Category, ProprietaryService, FreeAlternative):
        entries = model.objects.all()
        assert entries.exists()
        assert not entries.exclude(live=True).exists(), model
        assert not entries.filter(has_unpublished_changes=True).exists(), model
        assert not entries.filter(live_revision__isnull=True).exists(), model
    nextcloud = FreeAlternative.objects.get(slug="nextcloud")
    assert sorted(nextcloud.live_revision.as_object().replaces.values_list("slug", flat=True)) == [
        "dropbox",
        "google-drive",
        "onedrive",
    ]
