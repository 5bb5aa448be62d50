import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from wagtail.models import Site

from directory import listing_facts
from home import demo as home_demo
from home import site_structure
from home.demo_tools import ensure_home_page
from tests.databases import (
    TemplateDatabases,
    in_memory_sqlite,
    start_order,
    templates_directory,
)
from tests.factories.catalogue import CatalogueIndexPageFactory
from tests.factories.guides import GuideIndexPageFactory
from tests.helpers import (
    log_in,
    migrate_every_app_forward,
    migrate_to,
    shared_test_data,
    without_index_updates,
)


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "search_index: saved objects are indexed for the search and in Wagtail's reference "
        "index, as outside tests (off elsewhere: tests.helpers.without_index_updates)",
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests without a database first, those that read the demo site after the other database
    tests, transactional tests last (tests/databases.py, `start_order`)."""
    items.sort(key=start_order)


@pytest.fixture(autouse=True)
def index_updates(request):
    """Off unless the test is marked `search_index` (tests.helpers.without_index_updates)."""
    if request.node.get_closest_marker("search_index"):
        yield
        return
    with without_index_updates():
        yield


@pytest.fixture(autouse=True)
def fresh_directory_index():
    """Each test's directory counts its own providers: the index of the facts a previous test
    wrote, then rolled back, would otherwise still be current (directory.listing_index)."""
    cache.delete(listing_facts.VERSION_KEY)


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


@pytest.fixture(scope="session", autouse=True)
def template_databases(tmp_path_factory):
    """On SQLite, the test database and the demo site are built once per run and copied
    (tests/databases.py); None on PostgreSQL, where each worker migrates its own database."""
    if not in_memory_sqlite():
        yield None
        return
    templates = TemplateDatabases(templates_directory(tmp_path_factory))
    with pytest.MonkeyPatch.context() as patch:
        templates.patch_creation(patch)
        yield templates


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, template_databases):
    """The whole demo site, for a module of tests that only read it (each test is rolled back).

    On SQLite the module's database is a copy of the demo loaded once for the run, and the
    migrated database comes back after the module. Elsewhere the demo is loaded inside a
    transaction rolled back after the module (`shared_test_data`). Either way tests in other
    modules never see it.
    """
    if template_databases is None:
        with shared_test_data(django_db_blocker):
            call_command("load_demo_content", stdout=io.StringIO())
            yield
        return
    with django_db_blocker.unblock():
        template_databases.use_demo()
    yield
    with django_db_blocker.unblock():
        template_databases.use_migrated()


@pytest.fixture(scope="module")
def home_demo_site(django_db_setup, django_db_blocker):
    """The home app's demo (pages, menus, site settings), loaded once for a module whose tests
    read it or change it in their own transaction (`shared_test_data`)."""
    with shared_test_data(django_db_blocker):
        home_demo.load(io.StringIO())
        yield


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """A change made and committed, as the admin does it (the cache is told on commit).

    A test runs in one transaction that never commits: each block stands for a transaction
    of its own, so the replacement an earlier change left pending does not count for it.
    """

    def transaction_of_its_own():
        connection.pending_content_change = None
        return django_capture_on_commit_callbacks(execute=True)

    return transaction_of_its_own


@pytest.fixture
def migrate_back_then_forward():
    """`migrate_to` for a test that migrates back; every app is migrated forward afterwards."""
    yield migrate_to
    migrate_every_app_forward()


@pytest.fixture(autouse=True)
def fresh_site_structure():
    """A test's changes are rolled back without the signals that replace the cached site
    structure (home/site_structure.py): each test starts from a new version of it."""
    cache.delete(site_structure.VERSION_KEY)
