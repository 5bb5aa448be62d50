"""Where the page cache is on, where it lives, and the reverse proxy purge, as each settings
module reads them from the environment."""

import pytest
from django.conf import settings
from wagtail.contrib.frontend_cache.utils import get_backends

from tests.helpers import fresh_settings

PRODUCTION = {"SECRET_KEY": "x" * 50, "SITE_URL": "https://hub.example.org"}


def configuration(module, **env):
    """The settings `module` reads from `env`, no page cache variable taken from this process."""
    drop = ["REDIS_URL", "PAGE_CACHE_SECONDS", "FRONTEND_CACHE_PURGE_URL"]
    return fresh_settings(module, drop=drop, **env)


def purge_endpoints(configured):
    """Where Wagtail sends its purges under these settings: {backend name: host:port}."""
    backends = get_backends(getattr(configured, "WAGTAILFRONTENDCACHE", {}))
    return {name: backend.cache_netloc for name, backend in backends.items()}


@pytest.mark.parametrize(
    ("module", "env"),
    [("emancipasso.settings.production", PRODUCTION), ("emancipasso.settings.dev", {})],
)
def test_the_page_cache_is_on_outside_tests_and_off_by_environment(module, env):
    assert configuration(module, **env).PAGE_CACHE_SECONDS == 300
    assert configuration(module, PAGE_CACHE_SECONDS="0", **env).PAGE_CACHE_SECONDS == 0


def test_the_page_cache_is_off_in_tests_unless_a_test_turns_it_on():
    assert settings.PAGE_CACHE_SECONDS == 0


@pytest.mark.parametrize("env", [{}, {"REDIS_URL": "redis://127.0.0.1:6379/5"}])
def test_pages_are_kept_apart_from_the_rate_limit_counters(env):
    caches = configuration("emancipasso.settings.production", **PRODUCTION, **env).CACHES
    pages, default = caches["pages"], caches["default"]
    assert ("redis" in pages["BACKEND"]) == bool(env)
    assert (pages["LOCATION"], pages.get("KEY_PREFIX")) != (
        default["LOCATION"],
        default.get("KEY_PREFIX"),
    )


def test_a_reverse_proxy_is_purged_only_where_its_endpoint_is_set():
    """Wagtail's app connects the purge to publishing (its signal handlers); the hub's own
    receivers listen to publishing whatever the configuration."""
    without = configuration("emancipasso.settings.production", **PRODUCTION)
    assert purge_endpoints(without) == {}
    assert "wagtail.contrib.frontend_cache" not in without.INSTALLED_APPS
    proxied = configuration(
        "emancipasso.settings.production",
        **PRODUCTION,
        FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:6081",
    )
    assert purge_endpoints(proxied) == {"proxy": "127.0.0.1:6081"}
    assert "wagtail.contrib.frontend_cache" in proxied.INSTALLED_APPS
