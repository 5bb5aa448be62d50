"""Where the page cache is on, where it lives, and the reverse proxy purge, as each settings
module reads them from the environment in a fresh process."""

import json

import pytest
from django.conf import settings

from tests.helpers import run_project_python

PRODUCTION = {"SECRET_KEY": "x" * 50, "SITE_URL": "https://hub.example.org"}
READ = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "from wagtail.contrib.frontend_cache.utils import get_backends; "
    "print(json.dumps({'seconds': s.PAGE_CACHE_SECONDS, 'caches': s.CACHES, "
    "'frontend': {name: backend.cache_netloc for name, backend in get_backends().items()}, "
    # The app connects Wagtail's purge to publishing (its signal handlers); the hub's own
    # receivers listen to publishing whatever the configuration.
    "'purges_on_publish': 'wagtail.contrib.frontend_cache' in s.INSTALLED_APPS}))"
)


def configuration(module, **env):
    drop = ["REDIS_URL", "PAGE_CACHE_SECONDS", "FRONTEND_CACHE_PURGE_URL"]
    result = run_project_python(["-c", READ], module, drop=drop, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("module", "env"),
    [("emancipasso.settings.production", PRODUCTION), ("emancipasso.settings.dev", {})],
)
def test_the_page_cache_is_on_outside_tests_and_off_by_environment(module, env):
    assert configuration(module, **env)["seconds"] == 300
    assert configuration(module, PAGE_CACHE_SECONDS="0", **env)["seconds"] == 0


def test_the_page_cache_is_off_in_tests_unless_a_test_turns_it_on():
    assert settings.PAGE_CACHE_SECONDS == 0


@pytest.mark.parametrize("env", [{}, {"REDIS_URL": "redis://127.0.0.1:6379/5"}])
def test_pages_are_kept_apart_from_the_rate_limit_counters(env):
    caches = configuration("emancipasso.settings.production", **PRODUCTION, **env)["caches"]
    pages, default = caches["pages"], caches["default"]
    assert ("redis" in pages["BACKEND"]) == bool(env)
    assert (pages["LOCATION"], pages.get("KEY_PREFIX")) != (
        default["LOCATION"],
        default.get("KEY_PREFIX"),
    )


def test_a_reverse_proxy_is_purged_only_where_its_endpoint_is_set():
    without = configuration("emancipasso.settings.production", **PRODUCTION)
    assert without["frontend"] == {}
    assert without["purges_on_publish"] is False
    proxied = configuration(
        "emancipasso.settings.production",
        **PRODUCTION,
        FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:6081",
    )
    assert proxied["frontend"] == {"proxy": "127.0.0.1:6081"}
    assert proxied["purges_on_publish"] is True
