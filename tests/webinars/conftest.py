import pytest

from tests.factories.webinars import WebinarIndexPageFactory


@pytest.fixture
def webinar_index(home_page):
    return WebinarIndexPageFactory(parent=home_page)
