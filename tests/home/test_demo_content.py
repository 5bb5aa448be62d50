"""The demo site: a French site with its logins, loaded again without duplicates or losses.

The `demo_site` fixture is the demo loaded once into an empty database (on SQLite a copy of the
run's single load); each test loads it once more on top. Loading into an empty site with
`--if-empty` is tested in test_demo_if_empty.py, away from this module's demo.
"""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from home.models import HomePage, SiteSettings, StandardPage

pytestmark = pytest.mark.usefixtures("demo_site")


def load_demo():
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_demo_content_is_idempotent_builds_a_french_site_and_prints_the_admin_login(client):
    """One load on top of the demo (each costs seconds): nothing added, the site as it was."""
    counts = (Page.objects.count(), Revision.objects.count())
    output = load_demo()
    assert (Page.objects.count(), Revision.objects.count()) == counts
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


@pytest.mark.django_db
def test_if_empty_keeps_what_editors_changed_and_a_full_load_brings_the_demo_back():
    page = StandardPage.objects.get(slug="a-propos")
    page.title = "À propos de nous"
    page.save_revision().publish()
    revisions = Revision.objects.count()

    out = io.StringIO()
    call_command("load_demo_content", "--if-empty", stdout=out)
    assert StandardPage.objects.get(slug="a-propos").title == "À propos de nous"
    assert Revision.objects.count() == revisions
    assert "rien n'est rechargé" in out.getvalue()

    load_demo()
    assert StandardPage.objects.get(slug="a-propos").title == "À propos"
