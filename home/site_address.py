"""One configured address for every absolute link: the SITE_URL setting.

Wagtail builds a page's full URL (e-mails, calendars, the sitemap) from its Site record,
whose hostname and port default to http://localhost; the admin's own e-mails use
WAGTAILADMIN_BASE_URL. Both follow SITE_URL: the setting directly, the default site after
each `migrate` and demo load, so that no link points anywhere else.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Site


def site_host_and_port(url):
    """The hostname and port a Wagtail Site needs to produce `url` as its root URL."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(f"SITE_URL doit être une adresse http(s) complète : {url!r}")
    default_port = 443 if parts.scheme == "https" else 80
    port = parts.port or default_port
    if parts.scheme == "https" and port != 443:
        # Wagtail writes https only for port 443: another port would give http:// links.
        raise ImproperlyConfigured("SITE_URL en https doit utiliser le port 443.")
    return parts.hostname, port


def follow_site_url(site):
    """Point `site` at SITE_URL and save it, unless it is saved already and points there."""
    hostname, port = site_host_and_port(settings.SITE_URL)
    if site.pk is None or (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()


def sync_default_site(**kwargs):
    """post_migrate receiver: the default site follows SITE_URL (none yet: nothing to do)."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        follow_site_url(site)
