"""The browser harness: the demo site on a live server, loaded once, and one Chromium for all.

The demo content is committed to the test database once, outside any test transaction, and the
browser tests are not transactional: nothing flushes the database between them. They run last in
a plain `pytest`, and on their own in `make test`, so no other test sees the demo content and no
transactional test can flush it away first.
"""

import io
import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread
from pytest_django.live_server_helper import LiveServer
from wagtail.models import Page

from tests.browser import ecoindex
from tests.browser.discovery import discover_site_pages
from tests.browser.inspection import (
    open_context,
    visit_with_javascript,
    visit_without_javascript,
)
from tests.databases import asks_for_a_database

BROWSER_DIR = Path(__file__).parent
# Debian's headless build of Chromium: the same Blink as the `chromium` package without the
# browser's windowing layer, about a quarter less CPU for the whole browser suite.
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium-headless-shell")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
REPORT_PATH = Path(os.environ.get("BROWSER_REPORT", ".pytest_cache/browser/sobriety.txt"))
SOBRIETY_ROWS = pytest.StashKey[list]()
BROWSER_STARTED = pytest.StashKey[float]()


def browser_required():
    """CI sets REQUIRE_BROWSER=1: a missing Chromium is then a failure, not a skip."""
    return os.environ.get("REQUIRE_BROWSER", "") not in ("", "0")


def chromium_missing_reason():
    if shutil.which(CHROMIUM_PATH) is None:
        return (
            f"Chromium absent ({CHROMIUM_PATH}) : "
            "installez le paquet Debian « chromium-headless-shell »"
        )
    return None


def _is_browser_test(item):
    return BROWSER_DIR in Path(item.path).parents


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    """Browser tests last, after every other ordering (tests/conftest.py); those that need
    Chromium skipped with the reason when it is missing, unless REQUIRE_BROWSER says it must be
    there. What a browser saves on the live server is indexed for the search, as on the served
    site (see the `search_index` marker)."""
    yield
    items.sort(key=_is_browser_test)
    for item in items:
        if _is_browser_test(item):
            item.add_marker(pytest.mark.search_index)
    reason = chromium_missing_reason()
    if reason and not browser_required():
        for item in items:
            if _is_browser_test(item) and "browser" in getattr(item, "fixturenames", ()):
                item.add_marker(pytest.mark.skip(reason=reason))


def pytest_runtest_setup(item):
    if _is_browser_test(item):
        item.config.stash.setdefault(BROWSER_STARTED, time.monotonic())


def close_server_connections():
    """The live server's request threads are daemons and one may still hold a PostgreSQL
    session at the end, which would stop Django from dropping the test database."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


class SequentialWSGIServer(WSGIServer):
    """Django's development server without threads; the live server thread, which has the
    shared connection, answers each request itself."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


@contextmanager
def one_request_at_a_time_on_sqlite():
    """On an in-memory SQLite database every server thread shares the test's one connection:
    two requests at once (a page and the admin's background calls) then interleave their
    savepoints ("no such savepoint"). The server answers requests one after the other there;
    Django closes each connection, so a browser's parallel requests simply queue."""
    from django.db import connection

    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(LiveServerThread, "server_class", SequentialWSGIServer)
        yield


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker):
    """The test database, also when only browser tests run.

    pytest-django creates it only for tests that ask for `db`; the browser tests share one
    committed database instead, so when no collected test asks, create it here.
    """
    if any(asks_for_a_database(item) for item in request.session.items):
        yield
        return
    from django.test.utils import setup_databases, teardown_databases

    with django_db_blocker.unblock():
        created = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    yield
    with django_db_blocker.unblock():
        teardown_databases(created, verbosity=0)


@pytest.fixture(scope="session")
def demo_site(django_db_setup, django_db_blocker, template_databases):
    """The demo content, committed once, served by a live server for the whole session (on
    SQLite a copy of the run's demo, see tests/databases.py)."""
    with django_db_blocker.unblock():
        if not Page.objects.filter(depth=1).exists():
            pytest.fail(
                "Une suite transactionnelle a vidé la base avant les tests navigateur : "
                "lancez-les à part avec « pytest tests/browser » (c'est ce que fait make test)."
            )
        if template_databases is None:
            call_command("load_demo_content", stdout=io.StringIO())
        else:
            template_databases.use_demo()
    with one_request_at_a_time_on_sqlite():
        server = LiveServer("127.0.0.1")
    yield server
    server.stop()
    with django_db_blocker.unblock():
        close_server_connections()


@pytest.fixture(autouse=True)
def _database_for_the_server(django_db_blocker):
    """The live server thread and the journeys read and write the committed database."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture(scope="session")
def browser(django_db_setup):
    """Chromium, started after the test database: once Playwright's event loop runs in this
    thread, Django hands out new connection objects, which `template_databases` has not
    patched to copy the run's migrated database, and the database would be migrated again."""
    reason = chromium_missing_reason()
    if reason:
        pytest.fail(f"{reason} (REQUIRE_BROWSER est défini)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread; Django then refuses
    # database calls from it, which the journeys need between two clicks (Django's own escape
    # hatch, recommended by Playwright for Django tests).
    with (
        pytest.MonkeyPatch.context() as patch,
        sync_playwright() as playwright,
    ):
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site_pages(demo_site, django_db_blocker):
    with django_db_blocker.unblock():
        return discover_site_pages()


@pytest.fixture(scope="session")
def page_reports(request, demo_site, browser, site_pages, django_db_blocker):
    """Each discovered page visited once with JavaScript; the sobriety figures kept."""
    with django_db_blocker.unblock():
        reports = visit_with_javascript(browser, demo_site.url, site_pages)
    request.config.stash[SOBRIETY_ROWS] = [
        (page.label, report.requests, report.kilobytes, report.dom_elements, report.ecoindex)
        for page, report in reports.items()
    ]
    return reports


@pytest.fixture(scope="session")
def noscript_reports(demo_site, browser, site_pages, django_db_blocker):
    with django_db_blocker.unblock():
        return visit_without_javascript(browser, demo_site.url, site_pages)


@pytest.fixture
def foreign_requests():
    """The requests to other hosts that `new_page` blocked."""
    return []


@pytest.fixture
def new_page(browser, demo_site, foreign_requests):
    """A fresh context and tab on the live server, other hosts blocked."""
    context = open_context(browser, demo_site.url, foreign=foreign_requests)
    yield context.new_page()
    context.close()


def sobriety_table(rows):
    width = max(len(label) for label, *_figures in rows)
    lines = [f"{'page':<{width}} {'requêtes':>8} {'Ko':>7} {'DOM':>6} {'EcoIndex':>9}"]
    lines += [
        f"{label:<{width}} {count:>8} {kb:>7.1f} {dom:>6} {score:>6} {ecoindex.grade(score)}"
        for label, count, kb, dom, score in rows
    ]
    return "\n".join(lines)


def pytest_terminal_summary(terminalreporter, config):
    rows = config.stash.get(SOBRIETY_ROWS, None)
    if not rows:
        return
    table = sobriety_table(rows)
    started = config.stash.get(BROWSER_STARTED, None)
    elapsed = f"tests navigateur : {time.monotonic() - started:.1f} s" if started else ""
    terminalreporter.write_sep("-", "sobriété par page (images exclues des Ko)")
    terminalreporter.write_line(table)
    if elapsed:
        terminalreporter.write_line(elapsed)
    REPORT_PATH.parent.mkdir(parents=True, exist_ok=True)
    REPORT_PATH.write_text(f"{table}\n{elapsed}\n", encoding="utf-8")
    terminalreporter.write_line(f"tableau écrit dans {REPORT_PATH}")
