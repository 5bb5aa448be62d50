import datetime
import re

import pytest
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase

from catalogue.models import CatalogueIndexPage
from guides.models import GuideKind
from home.demo_tools import ensure_home_page
from home.groups import EDITORS
from home.models import HomePage
from tests.factories.catalogue import (
    CatalogueIndexPageFactory,
    CategoryFactory,
    FreeAlternativeFactory,
    ProprietaryServiceFactory,
)
from tests.factories.diagnostic import DiagnosticPageFactory
from tests.factories.guides import GuideIndexPageFactory, GuidePageFactory
from tests.helpers import assert_query_budget

pytestmark = pytest.mark.django_db


class CatalogueTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = ensure_home_page()
        cls.catalogue = CatalogueIndexPageFactory(parent=cls.home)

    def test_one_catalogue_under_the_home_page_with_no_children(self):
        self.assertAllowedParentPageTypes(CatalogueIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CatalogueIndexPage, set())
        self.assertFalse(CatalogueIndexPage.can_create_at(self.home))

    def test_catalogue_renders_and_previews(self):
        self.assertPageIsRenderable(self.catalogue)
        self.assertPageIsPreviewable(self.catalogue)


def alternative_names(html):
    return re.findall(r'<h3 id="alternative-[^"]+">([^<]+)</h3>', html)


def test_the_service_page_lists_exactly_its_alternatives_and_guides(client, catalogue_index):
    files = CategoryFactory(name="Fichiers")
    drive = ProprietaryServiceFactory(name="Google Drive", slug="google-drive", category=files)
    dropbox = ProprietaryServiceFactory(name="Dropbox", category=files)
    FreeAlternativeFactory(name="Nextcloud", replaces=[drive, dropbox])
    FreeAlternativeFactory(name="Seafile", replaces=[drive], self_hostable=True)
    FreeAlternativeFactory(name="Syncthing", replaces=[dropbox])
    FreeAlternativeFactory(name="Jitsi Meet", category=files)
    guides = GuideIndexPageFactory(parent=catalogue_index.get_parent())
    GuidePageFactory(parent=guides, title="Quitter Google Drive", services=[drive])
    GuidePageFactory(parent=guides, title="Quitter Dropbox", services=[dropbox])
    hidden = GuidePageFactory(parent=guides, title="Brouillon Drive", services=[drive])
    hidden.unpublish()

    response = client.get("/alternatives/remplacer/google-drive/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Remplacer Google Drive</h1>" in html
    assert "<title>Remplacer Google Drive" in html
    assert sorted(alternative_names(html)) == ["Nextcloud", "Seafile"]
    assert "Proposé par" not in html  # no provider lists these tools: nothing said
    assert "Quitter Google Drive" in html
    assert "Quitter Dropbox" not in html and "Brouillon Drive" not in html
    assert "Set-Cookie" not in response.headers


def test_an_unknown_service_is_a_404(client, catalogue_index):
    assert client.get("/alternatives/remplacer/inconnu/").status_code == 404


def test_the_catalogue_browses_by_category_in_constant_queries(client, catalogue_index):
    def add_category(number):
        category = CategoryFactory(name=f"Usage {number}")
        service = ProprietaryServiceFactory(name=f"Service {number}", category=category)
        FreeAlternativeFactory(category=category, replaces=[service])

    add_category(1)
    add_category(2)

    def add_categories():
        for number in range(3, 7):
            add_category(number)

    # Budget: today's count; the count stays the same with three times the categories.
    html = assert_query_budget(client, "/alternatives/", 4, add_categories).content.decode()
    assert 'href="/alternatives/remplacer/' in html
    assert 'aria-label="Remplacer Service 6">Service 6</a>' in html


def test_the_sitemap_lists_every_service_page(client, catalogue_index):
    ProprietaryServiceFactory(slug="zoom")
    ProprietaryServiceFactory(slug="doodle")
    xml = client.get("/sitemap.xml").content.decode()
    assert "/alternatives/remplacer/zoom/</loc>" in xml
    assert "/alternatives/remplacer/doodle/</loc>" in xml


def test_a_category_previews_with_its_services(client, log_in_as):
    log_in_as(EDITORS)
    category = CategoryFactory(name="Visio")
    ProprietaryServiceFactory(name="Zoom", category=category)
    url = reverse("wagtailsnippets_catalogue_category:preview_on_edit", args=[category.pk])
    data = {"name": "Visioconférence", "slug": category.slug, "description": "", "sort_order": 1}
    assert client.post(url, data).json() == {"is_valid": True, "is_available": True}
    html = client.get(url).content.decode()
    assert "Visioconférence" in html and "Remplacer Zoom" in html


def guide_titles(html):
    found = re.search(r'<section aria-labelledby="service-guides">.*?</section>', html, re.S)
    return re.findall(r'<a href="[^"]+">([^<]+)</a> <span class="tag">', found.group(0))


def test_a_how_to_guide_comes_first_and_is_where_to_start(client, catalogue_index):
    gmail = ProprietaryServiceFactory(name="Gmail", slug="gmail")
    guides = GuideIndexPageFactory(parent=catalogue_index.get_parent())
    GuidePageFactory(
        parent=guides,
        title="Pourquoi quitter Gmail",
        kind=GuideKind.ARGUMENT,
        last_reviewed=datetime.date(2026, 11, 1),
        services=[gmail],
    )
    GuidePageFactory(
        parent=guides,
        title="Ouvrir une boîte mail associative",
        last_reviewed=datetime.date(2026, 1, 1),
        services=[gmail],
    )
    html = client.get("/alternatives/remplacer/gmail/").content.decode()
    # The how-to guide first, though the argument was reviewed more recently.
    assert guide_titles(html) == ["Ouvrir une boîte mail associative", "Pourquoi quitter Gmail"]
    start = re.search(r'<nav class="service-start".*?</nav>', html, re.S).group(0)
    assert "Lire le guide pratique « Ouvrir une boîte mail associative »" in start


def test_without_a_how_to_guide_none_is_offered_as_the_start(client, catalogue_index):
    gmail = ProprietaryServiceFactory(name="Gmail", slug="gmail")
    guides = GuideIndexPageFactory(parent=catalogue_index.get_parent())
    GuidePageFactory(
        parent=guides, title="Pourquoi quitter Gmail", kind=GuideKind.ARGUMENT, services=[gmail]
    )
    html = client.get("/alternatives/remplacer/gmail/").content.decode()
    assert guide_titles(html) == ["Pourquoi quitter Gmail"]
    assert "Lire le guide pratique" not in html


def test_the_diagnostic_starts_with_this_service_ticked(client, catalogue_index):
    ProprietaryServiceFactory(name="Gmail", slug="gmail")
    url = "/alternatives/remplacer/gmail/"
    assert "Faire le point sur tous vos outils" not in client.get(url).content.decode()
    diagnostic = DiagnosticPageFactory(parent=catalogue_index.get_parent())
    html = client.get(url).content.decode()
    assert '<a href="/passer-au-libre/?outils=gmail">Faire le point sur tous vos outils</a>' in html
    diagnostic.unpublish()
    assert "Faire le point" not in client.get(url).content.decode()
