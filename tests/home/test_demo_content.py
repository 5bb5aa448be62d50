import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from home.models import HomePage, SiteSettings


def load_demo():
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_demo_content_is_idempotent():
    load_demo()
    counts = (Page.objects.count(), Revision.objects.count())
    load_demo()
    assert (Page.objects.count(), Revision.objects.count()) == counts


@pytest.mark.django_db
def test_demo_content_builds_a_french_site_and_prints_the_admin_login(client):
    output = load_demo()
    assert "admin / emancipasso-admin" in output
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    settings = SiteSettings.for_site(site)
    assert settings.legal_notice_page.title == "Mentions légales"

    response = client.get("/")
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "Des outils numériques à la hauteur de vos valeurs" in html
    assert client.login(username="admin", password="emancipasso-admin")
