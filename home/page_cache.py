"""Whole pages for anonymous visitors, kept in a cache every process shares.

The cache is the "pages" alias of CACHES: Redis when REDIS_URL is set, a table of the database
otherwise, kept apart from the default cache so that filling it never evicts the forms' rate
limit counters. `PAGE_CACHE_SECONDS` (0: off) is how long a page is kept.

What is kept, and for whom. Only a GET or HEAD from a visitor whose request carries no cookie
but the CSRF one: a session cookie (any logged-in user, an editor, a visitor who unlocked a
private page) or a messages cookie sends the request past the cache, both ways. Only a 200
answer to a GET that sets no cookie (a page with a form sets the CSRF cookie), is not streamed,
does not say `private`, `no-cache` or `no-store`, varies on nothing but Cookie and the one
language, and is not a preview. Such an answer cannot depend on who asked: its content follows
from its address alone, query string included, so a page with filters is kept by its full
address; a view whose query string is personal marks its answer `private`. The admin, documents
(their privacy is checked on each download) and the search (each search is counted for the
editors' popular searches) never reach it (`PAGE_CACHE_SKIPPED_PATHS`).

Invalidation is one generation token for the whole site, replaced after each change visitors
could see (home/content_changes.py). An entry is stored with the token read before the page
was rendered and served only while the token is unchanged: a page rendered from rows that were
about to change is never served after the change, in any process.
"""

import hashlib
import logging
import uuid

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import cc_delim_re

logger = logging.getLogger(__name__)

CACHE_ALIAS = "pages"
GENERATION_KEY = "generation"
# Says whether a page came from the cache; it tells nothing about the visitor or the content.
STATUS_HEADER = "X-Page-Cache"
# The cookies a cached page may be served against: the CSRF token, since a page that uses it
# sets it again and is therefore never stored.
HARMLESS_COOKIES = {settings.CSRF_COOKIE_NAME}
# Vary values that cannot change an answer stored here: no cookie but the CSRF one reaches the
# cache, and the site has a single language (LANGUAGES).
HARMLESS_VARY = {"cookie", "accept-language"}
REFUSED_CACHE_CONTROL = {"private", "no-cache", "no-store"}


def page_cache():
    return caches[CACHE_ALIAS]


def new_generation():
    """A fresh random token: two processes replacing it at once still both retire the old one."""
    try:
        page_cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception as error:
        logger.error("Cache des pages injoignable : pages gardées jusqu'à expiration (%s).", error)


def read(key):
    """A value from the page cache, or None when the cache cannot be reached."""
    try:
        return page_cache().get(key)
    except Exception:
        logger.warning("Cache des pages injoignable : lecture abandonnée.", exc_info=True)
        return None


def keep(key, value, seconds):
    """Store a value in the page cache; whether it could be stored."""
    try:
        page_cache().set(key, value, timeout=seconds)
    except Exception:
        logger.warning("Cache des pages injoignable : rien de gardé.", exc_info=True)
        return False
    return True


def current_generation():
    """The token entries are stored under now, or None when the cache cannot be reached."""
    return read(GENERATION_KEY)


def page_key(request):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "page:" + hashlib.sha256(address.encode()).hexdigest()


def is_cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        # Wagtail's previews and moderation views render through a simulated request.
        and not getattr(request, "is_dummy", False)
        and set(request.COOKIES) <= HARMLESS_COOKIES
        and not request.path_info.startswith(tuple(settings.PAGE_CACHE_SKIPPED_PATHS))
    )


def is_shareable_response(request, response):
    cache_control = {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    vary = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", ""))}
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not cache_control & REFUSED_CACHE_CONTROL
        and vary - {""} <= HARMLESS_VARY
        and not getattr(request, "is_preview", False)
    )


class PageCacheMiddleware:
    """Serve and store anonymous pages; placed first, so that a page served from the cache
    costs no other middleware (session, user, database, headers: the entry keeps the headers
    the inner middleware added, security headers included), and last on the way out, so that
    it sees every cookie set inside."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or not is_cacheable_request(request):
            return self.get_response(request)
        key = page_key(request)
        generation, entry = self.lookup(key)
        if generation is not None and entry is not None and entry[0] == generation:
            return self.cached_response(entry)
        response = self.get_response(request)
        if generation is not None and is_shareable_response(request, response):
            self.store(key, generation, response, seconds)
        return response

    def lookup(self, key):
        """The current generation and the stored entry, in one round trip to the cache."""
        try:
            found = page_cache().get_many([GENERATION_KEY, key])
            generation = found.get(GENERATION_KEY)
            if generation is None:
                # First use, or the token was evicted: a new one, so no older entry matches.
                token = uuid.uuid4().hex
                generation = token if page_cache().add(GENERATION_KEY, token, None) else None
        except Exception:
            logger.warning("Cache des pages injoignable : page servie sans lui.", exc_info=True)
            return None, None
        return generation, found.get(key)

    def store(self, key, generation, response, seconds):
        if keep(key, (generation, response.content, list(response.items())), seconds):
            response[STATUS_HEADER] = "miss"

    @staticmethod
    def cached_response(entry):
        _, content, headers = entry
        response = HttpResponse(content, headers=dict(headers))
        response[STATUS_HEADER] = "hit"
        return response
