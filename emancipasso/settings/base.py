"""Settings shared by every environment, read from the environment with laptop defaults."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import dj_email_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list, empty items dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default):
    """A yes/no environment variable (true/false, 1/0, yes/no, on/off); anything else is refused."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} doit valoir true ou false (reçu : {value!r}).")


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Reverse proxies (addresses or networks) whose X-Forwarded-For is believed:
# see home/client_address.py.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

# The hub's own apps, in the order `load_demo_content` builds their demo content.
PROJECT_APPS = ["home", "outbox", "catalogue", "guides", "directory", "webinars", "diagnostic"]

INSTALLED_APPS = [
    *PROJECT_APPS,
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail_modeladmin",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "compressor",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "django_ratelimit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: a page served from the shared cache costs no other middleware (its headers, the
    # security ones included, were kept with it), and the cache sees every cookie set inside
    # (home/page_cache.py).
    "home.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "home.security_headers.ContentSecurityPolicyMiddleware",
    "home.security_headers.PermissionsPolicyMiddleware",
    # Before anything reads the query string: no NUL or other control character gets further.
    "home.control_characters.StripControlCharactersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The request's Wagtail site and root page from the cache (after CommonMiddleware's host
    # check); Wagtail would query both on every page.
    "home.site_lookup.CachedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A full disk during an upload: a message on the same form, nothing saved (home/storage.py).
    "home.storage.StorageFullMiddleware",
    "directory.admin_confinement.ProviderAdminConfinementMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "emancipasso.urls"
WSGI_APPLICATION = "emancipasso.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        # A kept connection is checked before each request: the site recovers by itself.
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
IS_POSTGRESQL = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if IS_POSTGRESQL:
    # A silent database host must not hold a worker: stop connecting after a few seconds, and
    # cancel a statement that runs too long. Both in seconds; 0 means no limit.
    _statement_timeout = int(os.environ.get("DATABASE_STATEMENT_TIMEOUT", "30"))
    DATABASES["default"]["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),
        "connect_timeout": int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5")),
        "options": f"-c statement_timeout={_statement_timeout}s",
    }

# One cache shared by every process (the form rate limits count across all workers): Redis
# when REDIS_URL is set, otherwise a table of the database (`manage.py createcachetable`).
# Never a per-process cache: django-ratelimit's check django_ratelimit.E003 refuses one.
# Whole pages for anonymous visitors go to a cache of their own ("pages", home/page_cache.py),
# so that filling it never evicts a rate limit counter.
if os.environ.get("REDIS_URL"):
    CACHES = {
        alias: {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": prefix,
        }
        for alias, prefix in (("default", "emancipasso"), ("pages", "emancipasso-pages"))
    }
else:
    CACHES = {
        "default": {"BACKEND": "home.cache.DatabaseCache", "LOCATION": "emancipasso_cache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "emancipasso_page_cache",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
    }
# Seconds a page stays in that cache (0: no page cache). Every change visitors could see
# retires all cached pages at once (home/content_changes.py); this bounds only what depends
# on the clock (a webinar starting, a registration closing).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# Never served from the page cache: the admin, documents (privacy checked on each download),
# the search (each search is counted for the editors' list of popular searches), and files
# (static ones and uploads are served as files, by nginx in production).
PAGE_CACHE_SKIPPED_PATHS = ["/admin/", "/documents/", "/recherche/", "/static/", "/media/"]
# A caching reverse proxy in front (Varnish, nginx with a purge module...): Wagtail sends a
# PURGE for a page's address to this endpoint when the page is published or unpublished.
FRONTEND_CACHE_PURGE_URL = os.environ.get("FRONTEND_CACHE_PURGE_URL", "")
if FRONTEND_CACHE_PURGE_URL:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
# "Backend not officially supported": home.cache.DatabaseCache increments atomically, which is
# what django-ratelimit asks of a cache. Add to this list rather than replacing it.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]

# Public forms (contact, application, webinar registration), per visitor address
# (home.client_address, IPv6 grouped by /64): valid submissions, and every POST against robots.
# Rates as django-ratelimit writes them: "5/h" is five per hour.
PUBLIC_FORM_SUBMISSION_RATE = os.environ.get("PUBLIC_FORM_SUBMISSION_RATE", "5/h")
PUBLIC_FORM_POST_RATE = os.environ.get("PUBLIC_FORM_POST_RATE", "30/h")
RATELIMIT_IP_META_KEY = "home.client_address.client_ip"
RATELIMIT_IPV6_MASK = 64

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Admin login lockout (django-axes, home/login_protection.py): 5 failures for one username from
# one client address lock that pair, 20 failures from one address lock the address, for 30
# minutes; a success clears the pair. Locking the pair, not the username, means nobody can lock a
# provider out of its account from elsewhere. Only failed attempts are recorded (username typed,
# address, browser), and `purge_login_attempts` deletes them once the cool-off is over.
AUTHENTICATION_BACKENDS = [
    # Axes' backend refuses a locked-out login; it derives from ModelBackend so that sessions
    # opened through it (Django's test client takes the first backend) find their user.
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "home.login_protection.PairAndAddressHandler"
AXES_CLIENT_IP_CALLABLE = "home.client_address.client_ip"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_FAILURE_LIMIT_PER_ADDRESS = int(os.environ.get("LOGIN_FAILURE_LIMIT_PER_ADDRESS", "20"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "30")))
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_TEMPLATE = "admin/login_locked.html"

# Admin password reset e-mails, per address typed and per client address (home/password_reset.py).
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "home.password_reset.ThrottledPasswordResetForm"  # noqa: S105
PASSWORD_RESET_RATES = {"email": "3/h", "client": "10/h"}

# Security headers. Content-Security-Policy (django-csp, home/security_headers.py): public pages
# run no inline script or style and load nothing from elsewhere. The one exception is frames: the
# video block inserts its player's iframe after the reader's click, and its host is whatever
# PeerTube instance (or YouTube, Vimeo) the editor linked, so any https: frame is allowed; the
# iframe is sandboxed. Public pages are never framed: previews get the admin's policy.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "frame-src": ["https:"],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
# Wagtail's admin and its previews: inline scripts and styles, previews framed by the admin.
ADMIN_CONTENT_SECURITY_POLICY = {
    "URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "frame-src": [SELF, "https:"],
        "frame-ancestors": [SELF],
    },
}
# Django's own headers, stated here for the reader (these are its defaults): no MIME sniffing, no
# referrer to other sites, a window of its own, no framing (Wagtail's preview views answer
# SAMEORIGIN themselves).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Browser features the hub never uses, denied to its pages and to what they frame (the video
# player keeps fullscreen). browsing-topics replaces FLoC's retired interest-cohort.
PERMISSIONS_POLICY_DENIED = [
    "accelerometer",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "payment",
    "usb",
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "compressor.finders.CompressorFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "home.storage.MediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
COMPRESS_CSS_FILTERS = [
    "compressor.filters.css_default.CssAbsoluteFilter",
    "compressor.filters.cssmin.rCSSMinFilter",
]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail: EMAIL_URL (smtp://user:password@host:587/?tls=True) or the console on a laptop.
# Django and Wagtail hand every message to the outbox, which stores it; the delivery task
# alone talks to the real server, OUTBOX_DELIVERY_BACKEND.
_email = dj_email_url.parse(os.environ.get("EMAIL_URL", "console://"))
EMAIL_BACKEND = "outbox.backends.OutboxBackend"
OUTBOX_DELIVERY_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"]
EMAIL_PORT = _email["EMAIL_PORT"]
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Emancip'Asso <contact@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Every e-mail goes through the task queue; `manage.py db_worker` runs it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# An e-mail is retried with back-off for this long, then marked failed (dashboard, ERROR log).
OUTBOX_RETRY_PERIOD = timedelta(hours=float(os.environ.get("OUTBOX_RETRY_HOURS", "48")))
# "Sending" for longer than this: the worker died during the SMTP conversation (each network
# step may take EMAIL_TIMEOUT). requeue_emails sends it again, once.
OUTBOX_SENDING_TIMEOUT = timedelta(
    seconds=int(os.environ.get("OUTBOX_SENDING_TIMEOUT_SECONDS", "600"))
)
# Pending and due for this long with no task waiting: requeue_emails enqueues it again.
OUTBOX_REQUEUE_AFTER = timedelta(minutes=int(os.environ.get("OUTBOX_REQUEUE_AFTER_MINUTES", "10")))

# How long personal data is kept, and when providers are asked to review their profile.
WEBINAR_REGISTRATION_RETENTION_DAYS = int(
    os.environ.get("WEBINAR_REGISTRATION_RETENTION_DAYS", "183")
)
DIRECTORY_CONTACT_RETENTION_MONTHS = int(os.environ.get("DIRECTORY_CONTACT_RETENTION_MONTHS", "12"))
DIRECTORY_REVIEW_REMINDER_MONTHS = int(os.environ.get("DIRECTORY_REVIEW_REMINDER_MONTHS", "12"))

# Importing a profile from ChatonsInfos files (directory/chatons/fetch.py): the hub fetches
# addresses a provider types, so it refuses private and local addresses, and bounds the time
# (per file and for the whole import), the size of each file and the number of service files.
CHATONS_IMPORT_ALLOW_PRIVATE_ADDRESSES = False
CHATONS_IMPORT_TIMEOUT = 5
CHATONS_IMPORT_TOTAL_TIMEOUT = 20
CHATONS_IMPORT_MAX_BYTES = 256 * 1024
CHATONS_IMPORT_MAX_SERVICES = 30
CHATONS_IMPORT_RATE = "20/h"  # imports per account

WAGTAIL_SITE_NAME = "Emancip'Asso"
# The one address of the site, for every absolute link: e-mails, calendars, the admin's own
# e-mails; the default Wagtail site follows it after each migrate (home/site_address.py).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatar from gravatar.com: the admin calls no other host
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Wagtail's database backend, searching each word and its French family, safe from
        # quotes and operators: home/search_backend.py, home/search_backend_sqlite.py. On
        # PostgreSQL, the `french` configuration with accents ignored (migration home 0007);
        # SQLite's index ignores them.
        "BACKEND": "home.search_backend" if IS_POSTGRESQL else "home.search_backend_sqlite",
        **({"SEARCH_CONFIG": "french_unaccent"} if IS_POSTGRESQL else {}),
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odp", "ods", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
# No SVG: an SVG file can carry a script that runs on the site's own origin.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Documents are served only by Wagtail's view (/documents/<id>/<name>), which checks the
# collection's privacy and sends nosniff and "Content-Security-Policy: default-src 'none'";
# only PDF opens in the browser, every other type is downloaded as an attachment.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
