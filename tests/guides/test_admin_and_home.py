import io

import pytest

from catalogue import demo as catalogue_demo
from guides import demo as guides_demo
from guides.demo import FEATURED_GUIDES
from guides.models import GuideKind, GuidePage
from home import demo as home_demo
from tests.factories.catalogue import CategoryFactory
from tests.factories.guides import GuidePageFactory
from tests.helpers import assert_query_budget

pytestmark = pytest.mark.django_db


def test_the_admin_guide_listing_query_count_is_constant(admin_client, guide_index):
    topic = CategoryFactory()

    def add_guides(count):
        for _ in range(count):
            GuidePageFactory(parent=guide_index, topics=[topic])

    add_guides(5)
    # Budget: today's count plus two; the count stays the same with three times the guides.
    response = assert_query_budget(
        admin_client, f"/admin/pages/{guide_index.pk}/", 28, lambda: add_guides(10)
    )
    assert response.content.decode().count("data-listing-page-title") >= 15


def argument_block(title):
    return {
        "type": "argument",
        "value": {
            "title": title,
            "problem": f"<p>Le problème de {title}.</p>",
            "why_it_matters": "<p>Parce que.</p>",
            "ethical_answer": "<p>Le libre.</p>",
            "sources": [],
        },
    }


def test_the_home_page_features_chosen_guides_and_their_arguments(client, home_page, guide_index):
    argumentaire = GuidePageFactory(
        parent=guide_index,
        title="La triple domination",
        kind=GuideKind.ARGUMENT,
        body=[argument_block("Une domination économique"), argument_block("La gratuité")],
    )
    practical = GuidePageFactory(
        parent=guide_index, title="Migrer pas à pas", body=[argument_block("Pas affiché")]
    )
    GuidePageFactory(parent=guide_index, title="Guide non choisi")
    unpublished = GuidePageFactory(parent=guide_index, title="Guide retiré")
    home_page.featured_guides = [
        {"type": "guide", "value": guide.pk} for guide in (practical, argumentaire, unpublished)
    ]
    home_page.save_revision().publish()
    unpublished.unpublish()

    html = client.get("/").content.decode()
    assert html.index("Migrer pas à pas") < html.index("La triple domination")
    assert "Guide non choisi" not in html and "Guide retiré" not in html
    assert f'href="{argumentaire.url}#une-domination-economique"' in html
    assert "Le problème de La gratuité." in html
    assert "Pas affiché" not in html


def test_demo_guides_cover_every_kind_and_every_block():
    for demo in (home_demo, catalogue_demo, guides_demo):
        demo.load(io.StringIO())
    guides = GuidePage.objects.live()
    assert guides.count() >= 8
    assert set(guides.values_list("kind", flat=True)) == set(GuideKind.values)
    used_blocks = {block.block_type for guide in guides for block in guide.body}
    assert used_blocks == set(GuidePage.body.field.stream_block.child_blocks)
    assert all(guide.topics.exists() for guide in guides)
    assert set(FEATURED_GUIDES) <= set(guides.values_list("slug", flat=True))
