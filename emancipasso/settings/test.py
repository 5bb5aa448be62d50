"""Test settings: tasks run at once, mail stays in memory, passwords hash fast."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Django's test client logs in without a request, which django-axes refuses: the lockout is off
# in tests except in tests/home/test_login_protection.py, which turns it back on.
AXES_ENABLED = False
# Django's test runner sets EMAIL_BACKEND to locmem whatever this says, and the outbox then
# delivers into it (outbox.tasks.delivery_backend); tests of the outbox backend set
# EMAIL_BACKEND back to it and read what OUTBOX_DELIVERY_BACKEND received.
OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# A per-process cache in tests only: the suite counts queries (django_assert_num_queries) and
# Wagtail reads its site paths from the cache, so a database cache would change every count.
# The shared backends are tested in tests/home/test_form_protection.py with several processes.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
# Off: many tests change data and render a page again in the same breath. The page cache's own
# tests (tests/home/test_page_cache.py) turn it on.
PAGE_CACHE_SECONDS = 0
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "django_ratelimit.E003"]  # noqa: F405
COMPRESS_ENABLED = False
MEDIA_ROOT = BASE_DIR / ".pytest_cache" / "media"  # noqa: F405
SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
# The ChatonsInfos import reads sample files from a server the test starts on 127.0.0.1;
# tests/directory/test_chatons_import.py turns the refusal back on to prove it. A slow server
# is given up on quickly.
CHATONS_IMPORT_ALLOW_PRIVATE_ADDRESSES = True
CHATONS_IMPORT_TIMEOUT = 1
CHATONS_IMPORT_RATE = "1000/h"  # test_chatons_import.py lowers it to prove the limit
