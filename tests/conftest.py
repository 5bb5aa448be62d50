import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import Site

from directory.listing_facts import VERSION_KEY
from home.demo_tools import ensure_home_page
from home.site_structure import VERSION_KEY
from tests.factories.catalogue import CatalogueIndexPageFactory
from tests.factories.guides import GuideIndexPageFactory
from tests.helpers import log_in, migrate_every_app_forward, migrate_to, shared_test_data


@pytest.fixture(autouse=True)
def fresh_directory_index():
    """Each test's directory counts its own providers: the index of the facts a previous test
    wrote, then rolled back, would otherwise still be current (directory.listing_index)."""
    cache.delete(VERSION_KEY)


@pytest.fixture
def home_page(db):
    """The site root every page hangs from, as the demo and a fresh install have it."""
    return ensure_home_page()


@pytest.fixture
def log_in_as(client, db):
    """Log the test client in as a member of one editorial group: `log_in_as(EDITORS)`."""
    return lambda group_name, username=None: log_in(client, group_name, username)


@pytest.fixture
def site(home_page):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def guide_index(home_page):
    return GuideIndexPageFactory(parent=home_page)


@pytest.fixture
def catalogue_index(home_page):
    return CatalogueIndexPageFactory(parent=home_page)


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The whole demo site, loaded once for a module of tests that only read it.

    It is loaded inside a transaction rolled back after the module (`shared_test_data`), so
    tests in other modules never see it.
    """
    with shared_test_data(django_db_blocker):
        call_command("load_demo_content", stdout=io.StringIO())
        yield


@pytest.fixture
def migrate_back_then_forward():
    """`migrate_to` for a test that migrates back; every app is migrated forward afterwards."""
    yield migrate_to
    migrate_every_app_forward()


@pytest.fixture(autouse=True)
def fresh_site_structure():
    """A test's changes are rolled back without the signals that replace the cached site
    structure (home/site_structure.py): each test starts from a new version of it."""
    cache.delete(VERSION_KEY)
