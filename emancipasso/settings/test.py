"""Test settings: tasks run at once, mail stays in memory, passwords hash fast."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
COMPRESS_ENABLED = False
MEDIA_ROOT = BASE_DIR / ".pytest_cache" / "media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
