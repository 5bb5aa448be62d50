import pytest
from django.core.cache import cache

from tests.factories.webinars import WebinarIndexPageFactory


@pytest.fixture
def webinar_index(home_page):
    return WebinarIndexPageFactory(parent=home_page)


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """The form's rate limit counts in the cache: each test starts from zero."""
    cache.clear()
    yield
    cache.clear()
