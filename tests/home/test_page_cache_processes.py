"""The page cache is shared by every process: one fills it, another is served from it, and a
change made in one retires the page for the other (home/page_cache.py).

With Redis (db 5 here) this runs on any test database: the other process is served from the
cache without reading its own database, and after the change it no longer gets the page from
there. With the database cache, both processes must share the
test database, which only PostgreSQL allows.
"""

import uuid
from contextlib import contextmanager

import pytest
import redis
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import Client
from wagtail.models import Locale, Page

from home.demo_tools import ensure_home_page
from home.page_cache import STATUS_HEADER
from tests.factories.home import StandardPageFactory
from tests.helpers import start_project_python

REDIS_URL = "redis://127.0.0.1:6379/5"
REDIS_CACHE = ("django_redis.cache.RedisCache", REDIS_URL)
DATABASE_CACHE = ("django.core.cache.backends.db.DatabaseCache", "emancipasso_page_cache")


def postgresql_url():
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@contextmanager
def the_other_process(cache, prefix):
    """The other process, started once for the test: `visit(url)` has it visit `url` and
    returns the X-Page-Cache header it got."""
    env = {"DATABASE_URL": postgresql_url()} if connection.vendor == "postgresql" else {}
    worker = start_project_python(
        ["-m", "tests.home.page_cache_worker", *cache, prefix], "emancipasso.settings.test", **env
    )

    def visit(url):
        worker.stdin.write(f"{url}\n")
        worker.stdin.flush()
        status = worker.stdout.readline().strip()
        assert status, worker.communicate()[1]  # it stopped: its error
        return status

    try:
        yield visit
    finally:
        worker.kill()
        worker.communicate()  # reaped, its pipes closed


def available(cache):
    if cache is REDIS_CACHE:
        try:
            redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
        except redis.ConnectionError:
            pytest.skip(f"Redis ne répond pas sur {REDIS_URL}")
    elif connection.vendor != "postgresql":
        pytest.skip("plusieurs processus ne partagent la base de test que sur PostgreSQL")


def a_page(title):
    """A live page under the site's home. An earlier test on a committed database may have
    emptied every table, Wagtail's root page and locale included: they are made again. After a
    `serialized_rollback` test (the migration tests) the content types went too, without the
    signal that makes them again: the ids Django keeps in memory for them are forgotten."""
    if not Page.objects.exists():
        ContentType.objects.clear_cache()
        Locale.objects.get_or_create(language_code="fr")
        Page.add_root(instance=Page(title="Racine", slug="root"))
    return StandardPageFactory(parent=ensure_home_page(), title=title, slug="partagee")


@pytest.mark.django_db(transaction=True)  # committed, as the other process reads it
@pytest.mark.parametrize("cache", [REDIS_CACHE, DATABASE_CACHE], ids=["redis", "base"])
def test_one_process_fills_the_cache_and_another_is_served_from_it(cache, settings):
    available(cache)
    backend, location = cache
    prefix = f"test-{uuid.uuid4().hex}"
    settings.PAGE_CACHE_SECONDS = 300
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": backend, "LOCATION": location, "KEY_PREFIX": prefix},
    }
    if cache is DATABASE_CACHE:
        call_command("createcachetable")
    page = a_page("Page partagée")
    try:
        with the_other_process(cache, prefix) as visit:
            assert Client().get("/partagee/")[STATUS_HEADER] == "miss"
            assert visit("/partagee/") == "hit"

            page.title = "Page partagée, revue"
            page.save_revision().publish()  # committed: the generation is replaced at once
            assert visit("/partagee/") != "hit"
    finally:
        if cache is REDIS_CACHE:
            caches["pages"].delete_pattern("*")  # this test's prefix only
        else:
            caches["pages"].clear()
