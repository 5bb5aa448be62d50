"""Editors keep the publisher's details in Paramètres › Réglages du site, and nowhere else."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Site

from home.groups import EDITORS, MODERATORS
from home.models import SiteSettings, StandardPage
from tests.helpers import log_in


@pytest.fixture
def demo(db, home_demo_site):
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


def settings_url(site_settings):
    return reverse("wagtailsettings:edit", args=["home", "sitesettings", site_settings.site_id])


def form_data(site_settings, **changes):
    data = {
        "organisation_name": site_settings.organisation_name,
        "publisher_name": site_settings.publisher_name,
        "publication_director": site_settings.publication_director,
        "postal_address": site_settings.postal_address,
        "contact_email": site_settings.contact_email,
        "accessibility_status": site_settings.accessibility_status,
        "fediverse_url": site_settings.fediverse_url,
        "peertube_url": site_settings.peertube_url,
        "footer_text": site_settings.footer_text,
        "legal_notice_page": site_settings.legal_notice_page_id,
        "privacy_page": site_settings.privacy_page_id,
        "accessibility_page": site_settings.accessibility_page_id,
    }
    return {**data, **changes}


@pytest.fixture
def admin_client(client, demo):
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


@pytest.mark.django_db
def test_an_administrator_changes_the_address_once_and_every_page_follows(admin_client, demo):
    response = admin_client.post(
        settings_url(demo),
        form_data(
            demo,
            contact_email="bonjour@asso.example.org",
            postal_address="5 rue Neuve\n35000 Rennes",
            accessibility_status="partial",
        ),
    )
    assert response.status_code == 302
    admin_client.logout()
    home = admin_client.get("/").content.decode()
    assert 'href="mailto:bonjour@asso.example.org"' in home
    assert "Accessibilité\u00a0: partiellement conforme" in home
    privacy = admin_client.get(StandardPage.objects.get(slug="confidentialite").url)
    assert "5 rue Neuve<br>35000 Rennes" in privacy.content.decode()


@pytest.mark.django_db
def test_a_bad_address_or_status_is_refused_in_french_and_changes_nothing(admin_client, demo):
    response = admin_client.post(
        settings_url(demo),
        form_data(demo, contact_email="pas-une-adresse", accessibility_status="conforme-a-90"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Saisissez une adresse e-mail valide." in html
    assert "Sélectionnez un choix valide" in html
    demo.refresh_from_db()
    assert demo.contact_email == "contact@emancipasso.example.org"
    assert demo.accessibility_status == "non_compliant"


@pytest.mark.django_db
@pytest.mark.parametrize("group", [EDITORS, MODERATORS])
def test_editors_and_moderators_cannot_change_the_publisher(client, demo, group):
    log_in(client, group)
    response = client.post(
        settings_url(demo), form_data(demo, contact_email="pirate@attaquant.example.org")
    )
    assert response.status_code in (302, 403)
    assert client.get(settings_url(demo)).status_code in (302, 403)
    demo.refresh_from_db()
    assert demo.contact_email == "contact@emancipasso.example.org"


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_login(client, demo):
    response = client.post(settings_url(demo), form_data(demo, contact_email="x@y.example.org"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    demo.refresh_from_db()
    assert demo.contact_email == "contact@emancipasso.example.org"


@pytest.mark.django_db
def test_the_page_editor_offers_the_publisher_block(admin_client, demo):
    page = StandardPage.objects.get(slug="mentions-legales")
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    # The stream's definition is JSON (\\u escapes) inside an HTML attribute.
    assert "&quot;Coordonn\\u00e9es de l&#x27;\\u00e9diteur&quot;" in html
