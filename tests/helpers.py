"""Helpers shared by the test packages: one way to make a member, one way to count queries."""

import importlib
import os
import subprocess
import sys
from contextlib import contextmanager
from types import ModuleType, SimpleNamespace
from unittest.mock import patch

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from modelsearch import signal_handlers as modelsearch_signal_handlers
from wagtail import signal_handlers as wagtail_signal_handlers

from home.demo_tools import ensure_user

PASSWORD = "un-mot-de-passe-de-test"


def member_of(group_name, username=None):
    """A user in one editorial group (EDITORS, MODERATORS...), created once per name."""
    username = username or f"membre-{group_name.lower()}"
    return ensure_user(
        username,
        PASSWORD,
        email=f"{username}@example.org",
        groups=[Group.objects.get(name=group_name)],
    )


def log_in(client, group_name, username=None):
    """Log the test client in as a member of one editorial group; return that member."""
    user = member_of(group_name, username)
    client.force_login(user)
    return user


@contextmanager
def shared_test_data(django_db_blocker):
    """Data built once for a module or class of tests instead of once per test.

    For a fixture of that scope: what it builds inside this block is in a transaction that
    each test nests into (pytest-django rolls a test back to its savepoint), rolled back after
    the last test, so tests elsewhere never see it. The cache is emptied before and after it
    (Wagtail keeps the site's root paths there; an earlier test may have left entries about
    rows it rolled back). Only for tests that do not need `transactional_db`.
    """
    cache.clear()
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)
    cache.clear()


def read_again(rows):
    """{name: row} with each row read again from the database (None stays None).

    For the tests of a module whose rows are built once (`shared_test_data`): no test gets an
    instance that an earlier one changed in memory (a login sets `last_login`, Wagtail keeps
    permissions and relations on an instance).
    """
    return {name: row and type(row).objects.get(pk=row.pk) for name, row in rows.items()}


class _NotIndexed:
    """Stands for modelsearch's indexing task: a saved object is not indexed."""

    @staticmethod
    def enqueue(*args, **kwargs):
        return None


@contextmanager
def without_index_updates():
    """Saved objects are neither indexed for the search nor added to Wagtail's reference index.

    Each page or snippet saved updates both (in tests the task runs at once): about a third of
    the time of a test that builds pages. Only tests that search, or read what refers to an
    object, need them; they are marked `search_index` (tests/conftest.py). Objects deleted are
    still taken out of the search index. May be nested (a module's shared data, then each of
    its tests). Thread-local for the reference index: a live server's threads still update it.
    """
    flag = wagtail_signal_handlers.reference_index_auto_update_disabled
    before = getattr(flag, "value", False)
    flag.value = True
    try:
        with patch.object(modelsearch_signal_handlers, "insert_or_update_object_task", _NotIndexed):
            yield
    finally:
        flag.value = before


def queries_for(client, url):
    """The queries one warm GET of `url` runs, and its response.

    The first GETs fill the caches a running server has filled (site root paths, content
    types, the cached site structure of home/site_structure.py; on a new site the first one
    also creates the site settings, which replaces that structure), so only what the page
    itself costs is counted.
    """
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return context.captured_queries, response


def assert_query_budget(client, url, budget, add_content):
    """The page stays within `budget` queries, and as many with more content.

    Measured before and after `add_content()`: a query per row makes the second count larger,
    a new query on the page pushes both over the fixed budget.
    """
    small, _ = queries_for(client, url)
    add_content()
    large, response = queries_for(client, url)
    assert_same_queries_within_budget(url, small, large, budget)
    return response


def assert_same_queries_within_budget(url, small, large, budget):
    """`small` and `large`, the queries of `url` before and after content was added, are as
    many, and within `budget`. For tests that count every page once on a small site, then grow
    it once for all of them (a module's shared data) instead of once per page."""
    sql = "\n".join(query["sql"] for query in large)
    assert len(small) <= budget, f"{url}: {len(small)} queries, budget {budget}\n{sql}"
    assert len(large) == len(small), f"{url}: {len(small)} then {len(large)} queries\n{sql}"


def fresh_settings(settings_module, *, drop=(), **env):
    """The settings `settings_module` defines, read anew in this process from the environment
    less the variables named in (or starting with) `drop`, plus `env`: what a new process would
    read, for the cost of an import instead of an interpreter (about 1.5 s of CPU each).

    The module, and the modules of its package it imports relatively (`from .base import *`),
    run again under a private package name: the running settings and their modules in
    sys.modules are left alone, and os.environ is back as it was afterwards. What the module
    raises is raised here (ImproperlyConfigured for a refused environment).
    """
    package, _, name = settings_module.rpartition(".")
    copy_name = f"_fresh_{package.replace('.', '_')}"
    package_copy = ModuleType(copy_name)
    package_copy.__path__ = importlib.import_module(package).__path__
    environment = {k: v for k, v in os.environ.items() if not k.startswith(tuple(drop))}
    sys.modules[copy_name] = package_copy
    try:
        with patch.dict(os.environ, {**environment, **env}, clear=True):
            module = importlib.import_module(f"{copy_name}.{name}")
    finally:
        for loaded in [n for n in sys.modules if n.partition(".")[0] == copy_name]:
            del sys.modules[loaded]
    return SimpleNamespace(**{k: v for k, v in vars(module).items() if k.isupper()})


def start_project_python(arguments, settings_module, **env):
    """Our own interpreter on `arguments` (["-m", module] or ["manage.py", ...]) in a process of
    its own, for what one process cannot show (processes sharing a cache, Django started for
    real); settings from `settings_module` and the environment plus `env`. Its standard streams
    are pipes, in text."""
    return subprocess.Popen(  # noqa: S603 - our own interpreter, our own code
        [sys.executable, *arguments],
        env={**os.environ, **env, "DJANGO_SETTINGS_MODULE": settings_module},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=settings.BASE_DIR,
    )


def migrate_to(targets):
    """Migrate the test database to `targets`; the models of that state, to write old rows."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def migrate_every_app_forward():
    """Going back in one app also undoes the migrations of apps that depend on it: bring every
    app forward again, so that no test after a migration test meets an old schema."""
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
