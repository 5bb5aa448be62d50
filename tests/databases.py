"""SQLite test databases copied from templates instead of being built again by each process.

Migrating a fresh test database costs about 18 s of CPU and loading the demo site about 7 s.
Each pytest-xdist worker migrated its own database, and each module of tests that reads the demo
loaded it again. On SQLite (the test database lives in memory) the first process that needs one
builds it once and saves it to a file, under a lock; every process then copies that file into its
in-memory database with SQLite's backup API, which takes milliseconds.

The files live in the directory named by TEST_DATABASE_TEMPLATES (`make test` gives both of its
pytest runs one, made for that run), otherwise in the temporary directory that the workers of
one pytest run share. `make test` builds both before its pytest runs need them, in a process of
their own (`python -m tests.databases`), while the tests without a database run. They are never
reused by a later run: the demo's dates are relative to the moment it is loaded, and the
migrated database depends on the code (snippets' permissions, the default site's address) as
well as on the migrations.
"""

import fcntl
import io
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

DIRECTORY_VARIABLE = "TEST_DATABASE_TEMPLATES"


def in_memory_sqlite():
    """Whether the test database is SQLite in memory, the only kind copied from templates."""
    return connection.vendor == "sqlite" and connection.creation.is_in_memory_db(
        connection.creation._get_test_db_name()
    )


def templates_directory(tmp_path_factory):
    """The directory given by `make test`, else the one that this run's workers share."""
    if os.environ.get(DIRECTORY_VARIABLE):
        directory = Path(os.environ[DIRECTORY_VARIABLE])
    else:
        directory = tmp_path_factory.getbasetemp()
        if os.environ.get("PYTEST_XDIST_WORKER"):
            directory = directory.parent
    directory.mkdir(parents=True, exist_ok=True)
    return directory


@contextmanager
def _locked(template):
    """One process at a time builds or reads `template`; the others wait for it."""
    with template.with_suffix(".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _copy(source, target):
    opened = sqlite3.connect(source)
    try:
        opened.backup(target)
    finally:
        opened.close()


def _save(template):
    """Write the in-memory test database to `template` (renamed into place when complete)."""
    partial = template.with_suffix(".partial")
    target = sqlite3.connect(partial)
    try:
        connection.connection.backup(target)
    finally:
        target.close()
    partial.replace(template)


def fill_from_template(template, build=None):
    """Make the whole in-memory test database a copy of `template`, which `build()` first
    writes into that database (then saved to the file) if no process has made it yet.

    Called outside any transaction: the copy replaces every table, committed.
    """
    with _locked(template):
        if template.exists():
            connection.ensure_connection()
            _copy(template, connection.connection)
        else:
            build()
            _save(template)
    # Wagtail keeps the site's root paths in the cache: they belonged to the former content.
    cache.clear()


class TemplateDatabases:
    """The migrated database and the demo site, each built once per run and copied after."""

    def __init__(self, directory):
        self.migrated = directory / "migrated.sqlite3"
        self.demo = directory / "demo.sqlite3"

    def patch_creation(self, monkeypatch):
        """Django's `create_test_db` copies the migrated template (migrates only to build it)."""
        creation = connection.creation
        migrate = creation.create_test_db

        def create_test_db(verbosity=1, autoclobber=False, serialize=True, keepdb=False):
            name = creation._get_test_db_name()
            connection.close()
            settings.DATABASES[connection.alias]["NAME"] = name
            connection.settings_dict["NAME"] = name
            fill_from_template(
                self.migrated,
                lambda: migrate(verbosity, autoclobber, serialize=serialize, keepdb=keepdb),
            )
            return name

        monkeypatch.setattr(creation, "create_test_db", create_test_db)

    def use_demo(self):
        """The demo site, loaded into a migrated database to build it."""

        def build():
            self.use_migrated()
            call_command("load_demo_content", stdout=io.StringIO())

        fill_from_template(self.demo, build)

    def use_migrated(self):
        """The migrated database. Without its template yet, Django created this run's database
        before the creation was patched (a module run on its own can ask for the database
        first): that database is the migrated one, saved as the template."""
        fill_from_template(self.migrated, build=lambda: None)


# The order tests start in. pytest-django runs the tests without a database last; here they run
# first, while the migrated database is built (`python -m tests.databases` in `make test`), then
# the tests that read the demo site, once it is built too, and the transactional tests last, as
# pytest-django has them, since they empty the database after each test.
WITHOUT_DATABASE, WITH_DATABASE, ON_THE_DEMO, TRANSACTIONAL = range(4)


def asks_for_a_database(item):
    """Whether pytest-django sets up the test database for this test (its own rule)."""
    fixtures = {"db", "transactional_db", "live_server"} & set(getattr(item, "fixturenames", ()))
    return bool(fixtures or item.get_closest_marker("django_db"))


def flushes_the_database(item):
    """Whether the test is transactional: pytest-django empties every table after it."""
    fixtures = {"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ()))
    marker = item.get_closest_marker("django_db")
    return bool(fixtures) or bool(
        marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
    )


def start_order(item):
    """Where `item` starts: WITHOUT_DATABASE, WITH_DATABASE, ON_THE_DEMO or TRANSACTIONAL."""
    fixtures = set(getattr(item, "fixturenames", ()))
    if flushes_the_database(item):
        return TRANSACTIONAL
    if "demo_site" in fixtures:
        return ON_THE_DEMO
    if asks_for_a_database(item) or "django_db_setup" in fixtures:
        return WITH_DATABASE
    return WITHOUT_DATABASE


def build_templates():
    """Both templates, built into TEST_DATABASE_TEMPLATES as a test process would build them."""
    from django.test.utils import setup_databases, setup_test_environment

    if not in_memory_sqlite():
        return
    templates = TemplateDatabases(Path(os.environ[DIRECTORY_VARIABLE]))
    setup_test_environment()
    with pytest.MonkeyPatch.context() as patch:
        templates.patch_creation(patch)
        setup_databases(verbosity=0, interactive=False, aliases={"default"}, serialized_aliases=())
    templates.use_demo()


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emancipasso.settings.test")
    import django

    django.setup()
    build_templates()
