"""Production settings: refuse to start without a secret key or the site's address;
offline-compressed assets."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY doit être défini dans l'environnement en production.")
# Links in e-mails must reach the public site, not the default http://127.0.0.1:8000.
if not os.environ.get("SITE_URL"):
    raise ImproperlyConfigured(
        "SITE_URL (l'adresse publique du site, par ex. https://hub.example.org) doit être "
        "défini dans l'environnement en production."
    )

# WhiteNoise serves the collected static files right after the security middleware.
_after_security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1  # noqa: F405
MIDDLEWARE = [  # noqa: F405
    *MIDDLEWARE[:_after_security],  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[_after_security:],  # noqa: F405
]

COMPRESS_ENABLED = True
COMPRESS_OFFLINE = True
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Several app servers share uploaded files through S3-compatible storage (deploy/README.md);
# one machine keeps them on its disk, under MEDIA_ROOT, served by nginx.
if os.environ.get("MEDIA_S3_BUCKET"):
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["MEDIA_S3_BUCKET"],
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            # Renditions are public (the bucket lets anyone read images/ only); documents are
            # read by Wagtail's view, which checks their collection's privacy first.
            "querystring_auth": False,
            "custom_domain": os.environ.get("MEDIA_S3_PUBLIC_DOMAIN") or None,
            "url_protocol": os.environ.get("MEDIA_S3_URL_PROTOCOL", "https:"),
            "file_overwrite": False,
            "default_acl": None,
        },
    }

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# HTTPS only. Set SECURE_SSL_REDIRECT=false when the reverse proxy redirects to https itself.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)  # noqa: F405
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)  # noqa: F405

# Without EMAIL_URL, e-mails go to the machine's own mail server rather than to the console,
# where they would count as sent and be lost; if none answers, they wait in the outbox.
if not os.environ.get("EMAIL_URL"):
    OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST, EMAIL_PORT = "localhost", 25
