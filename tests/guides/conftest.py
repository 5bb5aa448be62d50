import pytest

from tests.factories.catalogue import CatalogueIndexPageFactory
from tests.factories.guides import GuideIndexPageFactory


@pytest.fixture
def guide_index(home_page):
    return GuideIndexPageFactory(parent=home_page)


@pytest.fixture
def catalogue_index(home_page):
    return CatalogueIndexPageFactory(parent=home_page)
