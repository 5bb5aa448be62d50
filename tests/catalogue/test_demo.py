import io

import pytest

from catalogue import demo as catalogue_demo
from catalogue.models import Category, FreeAlternative, ProprietaryService
from home import demo as home_demo

pytestmark = pytest.mark.django_db


def load():
    home_demo.load(io.StringIO())
    catalogue_demo.load(io.StringIO())


def snapshot():
    return (
        Category.objects.count(),
        ProprietaryService.objects.count(),
        FreeAlternative.objects.count(),
        FreeAlternative.replaces.through.objects.count(),
    )


def test_the_demo_catalogue_is_large_enough_and_idempotent():
    load()
    first = snapshot()
    load()
    assert snapshot() == first
    categories, services, alternatives, links = first
    assert categories >= 12
    assert services >= 30
    assert alternatives >= 40
    assert not ProprietaryService.objects.filter(alternatives__isnull=True).exists()
    assert links >= alternatives


def test_demo_alternatives_are_complete_and_secure_links(client):
    load()
    for alternative in FreeAlternative.objects.all():
        assert alternative.website.startswith("https://"), alternative
        assert alternative.licence and alternative.description, alternative
        assert alternative.replaces.exists(), alternative
    assert "Frama.space (Framasoft)" in FreeAlternative.objects.get(slug="nextcloud").host_list
    page = client.get("/alternatives/remplacer/zoom/").content.decode()
    assert "Jitsi Meet" in page and "Chapril" in page
