"""generate_bulk_content: valid live pages in bulk, reproducible from a seed, never twice."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from directory.bulk import SLUG_PREFIX, Vocabulary, draw_provider
from directory.models import DirectoryIndexPage, ListingFact, ProviderPage
from guides.models import GuidePage
from webinars.models import WebinarPage

pytestmark = pytest.mark.django_db


def generate(**counts):
    out = io.StringIO()
    call_command("generate_bulk_content", *[f"--{k}={v}" for k, v in counts.items()], stdout=out)
    return out.getvalue()


def bulk(model, prefix):
    return model.objects.filter(slug__startswith=prefix).order_by("slug")


def test_bulk_content_is_live_valid_and_never_duplicated(client, demo_site):
    output = generate(providers=8, guides=4, webinars=3, seed=5)
    assert "providers : 8 ajoutés" in output and "webinars : 3 ajoutés" in output
    assert Page.find_problems() == ([], [], [], [], [])
    providers = bulk(ProviderPage, SLUG_PREFIX)
    assert providers.count() == 8 and bulk(GuidePage, "bulk-guide-").count() == 4
    assert bulk(WebinarPage, "bulk-webinaire-").count() == 3
    directory = DirectoryIndexPage.objects.get()
    assert directory.numchild == directory.get_children().count()
    for page in [*providers, *bulk(GuidePage, "bulk-"), *bulk(WebinarPage, "bulk-")]:
        assert page.live and page.live_revision_id == page.latest_revision_id
        assert client.get(page.url).status_code == 200
    assert ListingFact.objects.filter(provider__in=providers, facet="type").count() == 8
    first = providers.first()
    found = ProviderPage.objects.live().search(first.title, operator="and")
    assert first in list(found)

    assert "providers : 0 ajoutés" in generate(providers=8, guides=4, webinars=3, seed=5)
    assert bulk(ProviderPage, SLUG_PREFIX).count() == 8


def test_a_larger_run_adds_what_a_fresh_run_would_have_made(demo_site):
    generate(providers=3, seed=9)
    generate(providers=5, seed=9)
    vocabulary = Vocabulary()
    expected = [draw_provider(number, 9, vocabulary)[0].title for number in range(5)]
    assert [page.title for page in bulk(ProviderPage, SLUG_PREFIX)] == expected
    other_seed = draw_provider(0, 10, vocabulary)[0].title
    assert other_seed != expected[0]
