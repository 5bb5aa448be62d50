import csv
import io

import pytest
from django.urls import reverse

from catalogue.models import FreeAlternative
from home.groups import EDITORS, MODERATORS
from tests.factories.catalogue import (
    CategoryFactory,
    FreeAlternativeFactory,
    ProprietaryServiceFactory,
)
from tests.helpers import assert_query_budget

pytestmark = pytest.mark.django_db
ALTERNATIVES_URL = "/admin/snippets/catalogue/freealternative/"


def test_editors_filter_and_export_the_alternatives(client, log_in_as):
    log_in_as(EDITORS)
    visio, files = CategoryFactory(name="Visio"), CategoryFactory(name="Fichiers")
    zoom = ProprietaryServiceFactory(name="Zoom", category=visio)
    FreeAlternativeFactory(name="Jitsi Meet", category=visio, licence="Apache-2.0", replaces=[zoom])
    FreeAlternativeFactory(name="Nextcloud", category=files)

    listing = client.get(ALTERNATIVES_URL, {"category": visio.pk})
    html = listing.content.decode()
    assert listing.status_code == 200
    assert "Jitsi Meet" in html and "Nextcloud" not in html

    export = client.get(ALTERNATIVES_URL, {"category": visio.pk, "export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 2
    assert rows[1][0] == "Jitsi Meet"
    assert "Apache-2.0" in rows[1] and "Zoom" in rows[1]
    assert "Difficulté d'adoption" in rows[0]


def test_the_alternatives_listing_query_count_is_constant(client, log_in_as):
    log_in_as(MODERATORS)
    service = ProprietaryServiceFactory()

    def add_alternatives():
        for _ in range(5):
            FreeAlternativeFactory(replaces=[service])

    add_alternatives()
    # Budget: today's count plus two; the count stays the same with twice the entries.
    html = assert_query_budget(client, ALTERNATIVES_URL, 18, add_alternatives).content.decode()
    assert html.count("Logiciel libre") >= 10


def test_services_list_counts_alternatives_in_constant_queries(client, log_in_as):
    log_in_as(MODERATORS)
    url = "/admin/snippets/catalogue/proprietaryservice/"
    service = ProprietaryServiceFactory(name="Doodle")
    FreeAlternativeFactory(replaces=[service])
    FreeAlternativeFactory(replaces=[service])

    def add_services():
        for _ in range(4):
            FreeAlternativeFactory(replaces=[ProprietaryServiceFactory()])

    # Budget: today's count plus two; the count stays the same with five times the services.
    html = assert_query_budget(client, url, 17, add_services).content.decode()
    assert "Doodle" in html


def test_editors_add_entries_but_only_moderators_delete_them(client, log_in_as):
    category = CategoryFactory()
    log_in_as(EDITORS)
    response = client.post(
        reverse("wagtailsnippets_catalogue_freealternative:add"),
        {
            "name": "Framadate",
            "slug": "framadate",
            "description": "Trouver une date de réunion.",
            "category": category.pk,
            "licence": "CeCILL-B",
            "website": "https://framadate.org",
            "self_hostable": "on",
            "difficulty": 1,
        },
    )
    assert response.status_code == 302
    alternative = FreeAlternative.objects.get(slug="framadate")
    delete_url = reverse("wagtailsnippets_catalogue_freealternative:delete", args=[alternative.pk])
    assert client.post(delete_url).status_code in (302, 403)
    assert FreeAlternative.objects.filter(pk=alternative.pk).exists()

    log_in_as(MODERATORS)
    client.post(delete_url)
    assert not FreeAlternative.objects.filter(pk=alternative.pk).exists()


def test_catalogue_entries_preview_as_on_the_site(client, log_in_as):
    log_in_as(EDITORS)
    category = CategoryFactory(name="Visio")
    zoom = ProprietaryServiceFactory(name="Zoom", slug="zoom", category=category)
    FreeAlternativeFactory(name="Jitsi Meet", replaces=[zoom], category=category)
    preview_url = reverse(
        "wagtailsnippets_catalogue_proprietaryservice:preview_on_edit", args=[zoom.pk]
    )
    data = {
        "name": "Zoom",
        "slug": "zoom",
        "vendor": "Zoom Video Communications",
        "category": category.pk,
        "cost": "Des réunions coupées au bout de 40 minutes.",
    }
    assert client.post(preview_url, data).json() == {"is_valid": True, "is_available": True}
    html = client.get(preview_url).content.decode()
    assert "Remplacer Zoom" in html and "Jitsi Meet" in html
    assert "coupées au bout de 40 minutes" in html
