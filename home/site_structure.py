"""What every public page reads of the page tree, computed once after each change of the tree.

The menu, the breadcrumb trail, the sections under a view restriction, the site settings and
the addresses of the section indexes change only when an editor publishes, unpublishes,
moves or deletes a page, changes a view restriction, a site or the settings. Each is kept in
the shared cache (Redis, or the database cache) under a version token, and every such change
replaces the token (`new_version`, called on those events by
`home/content_changes.py`): entries of an older token are never read again and expire by themselves.

The token is replaced at once and again when the transaction commits. A request that read
the old token and computes from the old rows stores its result under the old token, which no
later request reads; a request that reads the token after the commit computes from the new
rows. Within one request the token is read once (`request_started`), so that a page reads
one consistent state and, on the database cache, pays one read for it.
"""

import threading
import uuid

from django.core.cache import cache
from django.core.signals import request_finished, request_started

VERSION_KEY = "site-structure:version"
# Entries of replaced tokens are never read again: this only bounds how long they stay.
TIMEOUT = 24 * 60 * 60
MISSING = object()

_request = threading.local()


def current_version():
    """The token the cached facts of the current state are stored under."""
    version = getattr(_request, "version", None)
    if version is None:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
            version = cache.get(VERSION_KEY)
        if getattr(_request, "active", False):
            _request.version = version
    return version


def cached(name, compute):
    """`compute()` for the current state of the tree, from the cache when it was computed
    since the last change. `name` says what it is; it must differ for different facts (a
    page's breadcrumb trail: one name per page)."""
    key = f"site-structure:{current_version()}:{name}"
    value = cache.get(key, MISSING)
    if value is MISSING:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def new_version():
    """Every cached fact is stale. Called when a change is made, and again once it is
    committed (home/content_changes.py): a request between the two may have stored what it
    read before the commit."""
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, timeout=None)
    if getattr(_request, "active", False):
        _request.version = version


def _start_request(**kwargs):
    _request.active = True
    _request.version = None


def _end_request(**kwargs):
    _request.active = False
    _request.version = None


request_started.connect(_start_request, dispatch_uid="site_structure_start")
request_finished.connect(_end_request, dispatch_uid="site_structure_end")
