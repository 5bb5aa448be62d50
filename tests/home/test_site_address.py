"""Every absolute link comes from one configured address, SITE_URL."""

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db.models.signals import post_migrate
from wagtail.models import Site

from home.site_address import site_host_and_port
from outbox.models import OutgoingEmail
from tests.factories.webinars import WebinarPageFactory
from tests.helpers import fresh_settings
from webinars import booking

pytestmark = pytest.mark.django_db


def migrated(settings, url):
    """What `migrate` leaves: the default site follows SITE_URL in its post_migrate step."""
    settings.SITE_URL = url
    post_migrate.send(sender=apps.get_app_config("home"), app_config=apps.get_app_config("home"))
    return Site.objects.get(is_default_site=True)


def test_the_default_site_follows_site_url_after_migrate(site, settings):
    site = migrated(settings, "http://hub.example.test:8123")
    assert (site.hostname, site.port) == ("hub.example.test", 8123)
    assert site.root_url == "http://hub.example.test:8123"


def test_webinar_e_mail_links_use_the_configured_address(home_page, settings):
    migrated(settings, "https://hub.example.test")
    webinar = WebinarPageFactory(parent=home_page)
    booking.request_registration(
        webinar, name="Camille", email="camille@example.org", organisation=""
    )
    body = OutgoingEmail.objects.get().body_text
    assert "https://hub.example.test/" in body
    assert "localhost" not in body and "testserver" not in body


@pytest.mark.parametrize(
    "url, expected",
    [
        ("http://127.0.0.1:8000", ("127.0.0.1", 8000)),
        ("https://hub.example.org", ("hub.example.org", 443)),
        ("http://hub.example.org/", ("hub.example.org", 80)),
    ],
)
def test_site_url_gives_the_hostname_and_port(url, expected):
    assert site_host_and_port(url) == expected


@pytest.mark.parametrize("url", ["hub.example.org", "ftp://hub.example.org", "https://x.org:8443"])
def test_an_address_wagtail_cannot_rebuild_is_refused(url):
    with pytest.raises(ImproperlyConfigured):
        site_host_and_port(url)


def test_production_refuses_to_start_without_the_site_address():
    with pytest.raises(ImproperlyConfigured, match="SITE_URL"):
        fresh_settings("emancipasso.settings.production", drop=["SITE_URL"], SECRET_KEY="x" * 50)
