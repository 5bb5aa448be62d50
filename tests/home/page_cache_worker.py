"""The other process of tests/home/test_page_cache_processes.py (not a test itself).

python -m tests.home.page_cache_worker <cache backend> <cache location> <key prefix>

With the page cache on and its "pages" cache at the given place, visits each address it reads
on stdin, one a line, as a new anonymous visitor, and prints that answer's X-Page-Cache header
("hit", "miss", or "-" when absent); ends with its stdin.
"""

import sys

import django

django.setup()

from django.test import Client  # noqa: E402 - Django must be set up first
from django.test.utils import override_settings  # noqa: E402

from home.page_cache import STATUS_HEADER  # noqa: E402


def main(backend, location, prefix):
    caches = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": backend, "LOCATION": location, "KEY_PREFIX": prefix},
    }
    with override_settings(CACHES=caches, PAGE_CACHE_SECONDS=300):
        for url in sys.stdin:
            response = Client(raise_request_exception=False).get(url.strip())
            print(response.get(STATUS_HEADER, "-"), flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
