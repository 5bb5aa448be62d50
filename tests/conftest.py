import pytest
from wagtail.models import Site

from home.demo_tools import ensure_home_page
from tests.factories.catalogue import CatalogueIndexPageFactory
from tests.factories.guides import GuideIndexPageFactory


@pytest.fixture
def home_page(db):
    """The site root every page hangs from, as the demo and a fresh install have it."""
    return ensure_home_page()


@pytest.fixture
def site(home_page):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def guide_index(home_page):
    return GuideIndexPageFactory(parent=home_page)


@pytest.fixture
def catalogue_index(home_page):
    return CatalogueIndexPageFactory(parent=home_page)
