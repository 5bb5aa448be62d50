import pytest

from guides.models import GuideKind
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


def test_the_home_page_features_chosen_guides_and_their_arguments(client, home_page, guide_index):
    argumentaire = GuidePageFactory(
        parent=guide_index,
        title="La triple domination",
        kind=GuideKind.ARGUMENT,
        body__0__argument__title="Une domination économique",
        body__1__argument__title="La gratuité",
    )
    practical = GuidePageFactory(
        parent=guide_index, title="Migrer pas à pas", body__0__argument__title="Pas affiché"
    )
    GuidePageFactory(parent=guide_index, title="Guide non choisi")
    unpublished = GuidePageFactory(parent=guide_index, title="Guide retiré")
    home_page.featured_guides = [
        ("guide", guide) for guide in (practical, argumentaire, unpublished)
    ]
    home_page.save_revision().publish()
    unpublished.unpublish()

    html = client.get("/").content.decode()
    assert html.index("Migrer pas à pas") < html.index("La triple domination")
    assert "Guide non choisi" not in html and "Guide retiré" not in html
    assert f'href="{argumentaire.url}#une-domination-economique"' in html
    assert "Le problème de La gratuité." in html
    assert "Pas affiché" not in html
