"""The public API (/api/v2/) shows each page type's public fields, and nothing private.

The lists below are the declared public contract, written out again on purpose: a field
added to a model's `api_fields` without being added here fails, so no one exposes a field
without deciding it is public.
"""

import pytest
from django.apps import apps
from wagtail.models import Page, get_page_models

from directory.models import ProviderPage
from tests.factories.webinars import RegistrationFactory
from webinars.models import WebinarPage

pytestmark = pytest.mark.django_db

META_FIELDS = {"id", "meta", "title"}
PUBLIC_FIELDS = {
    "home.HomePage": {"introduction", "hero_title", "body"},
    "home.StandardPage": {"introduction", "body"},
    "catalogue.CatalogueIndexPage": {"introduction"},
    "guides.GuideIndexPage": {"introduction"},
    "guides.GuidePage": {
        "introduction",
        "kind",
        "audience",
        "association_kind",
        "association_size",
        "tools_before",
        "tools_after",
        "switch_duration",
        "cost_range",
        "helped_by",
        "topics",
        "services",
        "authors",
        "last_reviewed",
        "reading_minutes",
        "body",
    },
    "directory.DirectoryIndexPage": {"introduction"},
    "directory.ProviderPage": {
        "introduction",
        "structure_type",
        "chatons_member",
        "description",
        "offerings",
        "accepting_new_associations",
        "tools",
        "regions",
        "departments",
        "remote",
        "city",
        "price_information",
        "price_min",
        "price_max",
        "prices_adapted",
        "website",
        "fediverse_url",
        "languages",
        "last_reviewed",
        "links",
    },
    "webinars.WebinarIndexPage": {"introduction"},
    "webinars.WebinarPage": {
        "introduction",
        "start",
        "duration",
        "ends_at",
        "audience",
        "topics",
        "platform",
        "speakers",
        "live_subtitles",
        "sign_language",
        "accessibility_notes",
        "capacity",
        "registration_deadline",
        "external_registration_url",
        "body",
        "replay_url",
        "transcript",
        "related_guides",
    },
    "diagnostic.DiagnosticPage": {
        "introduction",
        "steps",
        "board_decision_draft",
        "expectations",
    },
}
PRIVATE_FIELD_NAMES = {
    "contact_email",
    "join_url",
    "show_join_url",
    "registrations",
    "slides",
    "maintainers",
    "owner",
    "latest_revision",
    "locked_by",
}
SECRET_EMAIL = "secret-contact-{}@prive.example"
SECRET_JOIN = "https://visio.prive.example/salle-secrete-{}"
SECRET_REGISTRANT = "inscrite-secrete@prive.example"


def label(model):
    return f"{model._meta.app_label}.{model.__name__}"


def test_every_page_type_has_a_declared_public_list():
    declared = {label(model) for model in get_page_models() if model is not Page}
    assert declared == set(PUBLIC_FIELDS)


@pytest.mark.parametrize("page_type", sorted(PUBLIC_FIELDS))
def test_api_fields_are_the_declared_public_list(page_type):
    model = apps.get_model(page_type)
    assert {field.name for field in model.api_fields} == PUBLIC_FIELDS[page_type]


@pytest.fixture
def secrets_everywhere(demo_site):
    """Every provider and webinar carries private values, and a webinar has a registration."""
    for provider in ProviderPage.objects.all():
        ProviderPage.objects.filter(pk=provider.pk).update(
            contact_email=SECRET_EMAIL.format(provider.pk)
        )
    for webinar in WebinarPage.objects.all():
        WebinarPage.objects.filter(pk=webinar.pk).update(
            join_url=SECRET_JOIN.format(webinar.pk), show_join_url=True
        )
    RegistrationFactory(webinar=WebinarPage.objects.live().first(), email=SECRET_REGISTRANT)


def crawl(client):
    """Every page of the listing, then every page's detail, as the raw response texts."""
    texts, details = [], []
    url = "/api/v2/pages/?limit=20&offset={}"
    offset = 0
    while True:
        response = client.get(url.format(offset), HTTP_HOST="127.0.0.1")
        assert response.status_code == 200
        texts.append(response.content.decode())
        items = response.json()["items"]
        details += [item["id"] for item in items]
        offset += 20
        if offset >= response.json()["meta"]["total_count"]:
            break
    pages = {}
    for page_id in details:
        response = client.get(f"/api/v2/pages/{page_id}/", HTTP_HOST="127.0.0.1")
        assert response.status_code == 200
        texts.append(response.content.decode())
        pages[page_id] = response.json()
    return texts, pages


def test_each_detail_shows_exactly_the_public_fields(client, secrets_everywhere):
    _, pages = crawl(client)
    seen_types = set()
    for data in pages.values():
        page_type = data["meta"]["type"]
        seen_types.add(page_type)
        assert set(data) == META_FIELDS | PUBLIC_FIELDS[page_type], page_type
    assert {"directory.ProviderPage", "webinars.WebinarPage", "guides.GuidePage"} <= seen_types


def test_no_private_name_or_value_in_any_response(client, secrets_everywhere):
    texts, pages = crawl(client)
    assert len(pages) == Page.objects.live().public().filter(depth__gt=1).count()
    everything = "\n".join(texts)
    for name in PRIVATE_FIELD_NAMES:
        assert f'"{name}"' not in everything
    for text in ("secret-contact-", "salle-secrete", SECRET_REGISTRANT, "prive.example"):
        assert text not in everything


def test_speaker_links_only_a_live_provider(client, secrets_everywhere):
    webinar = WebinarPage.objects.live().filter(speakers__provider__isnull=False).first()
    provider = webinar.speakers.exclude(provider=None).first().provider
    data = client.get(f"/api/v2/pages/{webinar.pk}/", HTTP_HOST="127.0.0.1").json()
    assert any(s["provider"] and s["provider"]["id"] == provider.pk for s in data["speakers"])
    provider.unpublish()
    data = client.get(f"/api/v2/pages/{webinar.pk}/", HTTP_HOST="127.0.0.1").json()
    assert provider.pk not in {s["provider"] and s["provider"]["id"] for s in data["speakers"]}
