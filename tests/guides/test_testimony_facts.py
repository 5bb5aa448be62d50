"""A testimony's facts: required together, shown in a box, in the API and in the index filters."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from guides.models import AssociationKind, Audience, CostRange, GuideKind, SwitchDuration
from tests.factories.catalogue import (
    CategoryFactory,
    FreeAlternativeFactory,
    ProprietaryServiceFactory,
)
from tests.factories.directory import DirectoryIndexPageFactory, ProviderPageFactory
from tests.factories.guides import GuidePageFactory, GuideTestimonyFactory
from tests.helpers import assert_query_budget

pytestmark = pytest.mark.django_db


def listed_titles(response):
    return re.findall(r'<h2><a href="/guides/[^"]+/">([^<]+)</a></h2>', response.content.decode())


def test_a_testimony_needs_its_facts_but_not_its_provider(guide_index):
    testimony = GuidePageFactory(parent=guide_index)
    testimony.kind = GuideKind.TESTIMONY
    with pytest.raises(ValidationError) as error:
        testimony.full_clean()
    assert set(error.value.message_dict) == {
        "association_kind",
        "association_size",
        "switch_duration",
        "cost_range",
    }
    assert "combien de temps" in str(error.value.message_dict["switch_duration"])
    testimony.association_kind = AssociationKind.CULTURE
    testimony.association_size = Audience.MEDIUM
    testimony.switch_duration = SwitchDuration.OVER_2_YEARS
    testimony.cost_range = CostRange.FREE
    testimony.full_clean()


def edit_data(guide, topic, **extra):
    data = nested_form_data(
        {
            "title": guide.title,
            "slug": guide.slug,
            "introduction": "Un club raconte.",
            "kind": GuideKind.TESTIMONY,
            "audience": Audience.SMALL,
            "authors": "Animafac",
            "last_reviewed": "2026-11-01",
            "association_kind": AssociationKind.SPORT,
            "association_size": Audience.SMALL,
            "switch_duration": SwitchDuration.UNDER_3_MONTHS,
            "cost_range": CostRange.FREE,
            "body": streamfield([("paragraph", rich_text("<p>Notre histoire.</p>"))]),
            "comments": inline_formset([]),
        }
    )
    data["topics"] = [topic.pk]
    data.update(extra)
    return data


def test_the_editor_must_name_the_tools_left_and_adopted(admin_client, guide_index):
    topic = CategoryFactory()
    guide = GuidePageFactory(parent=guide_index, topics=[topic])
    url = f"/admin/pages/{guide.pk}/edit/"

    refused = admin_client.post(url, edit_data(guide, topic))
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "Choisissez au moins un outil que l&#x27;association a quitté." in html
    assert "Choisissez au moins un outil libre que l&#x27;association a adopté." in html
    guide.refresh_from_db()
    assert guide.kind == GuideKind.PRACTICAL

    tools = {
        "tools_before": [ProprietaryServiceFactory().pk],
        "tools_after": [FreeAlternativeFactory().pk],
    }
    accepted = admin_client.post(url, edit_data(guide, topic, **tools))
    assert accepted.status_code == 302
    guide.refresh_from_db()
    assert guide.get_latest_revision_as_object().kind == GuideKind.TESTIMONY


@pytest.fixture
def club_testimony(home_page, guide_index):
    """A sports club's testimony, with a draft tool on each side and a live provider."""
    directory = DirectoryIndexPageFactory(parent=home_page)
    provider = ProviderPageFactory(parent=directory, title="Les Libristes du Bocage")
    return GuideTestimonyFactory(
        parent=guide_index,
        title="Un club quitte WhatsApp",
        association_kind=AssociationKind.SPORT,
        association_size=Audience.SMALL,
        switch_duration=SwitchDuration.UP_TO_1_YEAR,
        cost_range=CostRange.UNDER_500,
        helped_by=provider,
        tools_before=[
            ProprietaryServiceFactory(name="WhatsApp", slug="whatsapp"),
            ProprietaryServiceFactory(name="Outil brouillon", live=False),
        ],
        tools_after=[
            FreeAlternativeFactory(name="Signal"),
            FreeAlternativeFactory(name="Libre brouillon", live=False),
        ],
    )


def test_a_testimony_shows_its_facts_box_with_published_tools_only(client, club_testimony):
    html = client.get(club_testimony.url).content.decode()
    box = html.split('class="testimony-facts"')[1].split("</section>")[0]
    assert "Le témoignage en bref" in box
    assert "Sport · Petite association de bénévoles" in box
    assert "WhatsApp" in box and "Signal" in box
    assert "brouillon" not in box
    assert "3 à 12 mois" in box and "Moins de 500 €" in box
    provider = club_testimony.helped_by
    assert f'<a href="{provider.url}">Les Libristes du Bocage</a>' in box


def test_a_draft_provider_is_not_named_in_the_box_nor_in_the_api(client, club_testimony):
    club_testimony.helped_by.unpublish()
    html = client.get(club_testimony.url).content.decode()
    assert "Les Libristes du Bocage" not in html and "Accompagnée par" not in html
    item = json.loads(client.get(f"/api/v2/pages/{club_testimony.pk}/?fields=*").content)
    assert item["helped_by"] is None


def test_the_api_gives_a_testimony_facts_and_published_tools(client, club_testimony):
    item = json.loads(client.get(f"/api/v2/pages/{club_testimony.pk}/?fields=*").content)
    assert (item["association_kind"], item["association_size"]) == ("sport", "small")
    assert (item["switch_duration"], item["cost_range"]) == ("3_to_12_months", "under_500")
    whatsapp = club_testimony.tools_before.get(slug="whatsapp")
    assert [tool["id"] for tool in item["tools_before"]] == [whatsapp.pk]
    assert len(item["tools_after"]) == 1
    assert item["helped_by"] == {
        "id": club_testimony.helped_by.pk,
        "title": "Les Libristes du Bocage",
    }
    assert GuidePageFactory(parent=club_testimony.get_parent()).testimony_facts() is None


@pytest.fixture
def testimonies(guide_index):
    gmail, zoom = ProprietaryServiceFactory(slug="gmail"), ProprietaryServiceFactory(slug="zoom")
    specs = [
        ("Club de foot", AssociationKind.SPORT, Audience.SMALL, [gmail]),
        ("Fédération", AssociationKind.NETWORK, Audience.LARGE, [gmail, zoom]),
        ("Théâtre", AssociationKind.CULTURE, Audience.SMALL, [zoom]),
    ]
    for title, kind, size, tools in specs:
        GuideTestimonyFactory(
            parent=guide_index,
            title=title,
            association_kind=kind,
            association_size=size,
            tools_before=tools,
        )
    GuidePageFactory(parent=guide_index, title="Guide Gmail", tools_before=[gmail])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"association_kind": "sport"}, {"Club de foot"}),
        ({"association_size": "small"}, {"Club de foot", "Théâtre"}),
        ({"tool_before": "gmail"}, {"Club de foot", "Fédération"}),
        ({"tool_before": "zoom", "association_size": "large"}, {"Fédération"}),
        ({"association_kind": "environment"}, set()),
    ],
)
def test_the_index_filters_testimonies_by_their_facts(client, testimonies, query, expected):
    response = client.get("/guides/", query)
    assert set(listed_titles(response)) == expected


def test_an_unknown_tool_is_explained_and_ignored(client, testimonies):
    response = client.get("/guides/", {"tool_before": "minitel", "association_kind": "sport"})
    html = response.content.decode()
    assert 'role="alert"' in html and 'aria-invalid="true"' in html
    assert set(listed_titles(response)) == {"Club de foot"}


def test_the_filtered_index_keeps_a_fixed_number_of_queries(client, guide_index):
    gmail = ProprietaryServiceFactory(slug="gmail")

    def add_testimonies():
        for _ in range(4):
            GuideTestimonyFactory(
                parent=guide_index,
                tools_before=[gmail, ProprietaryServiceFactory()],
                tools_after=[FreeAlternativeFactory()],
                topics=[CategoryFactory()],
            )

    add_testimonies()
    url = "/guides/?tool_before=gmail&association_size=small&association_kind=sport"
    # Budget: today's count; the count stays the same with twice the testimonies.
    response = assert_query_budget(client, url, 7, add_testimonies)
    assert len(listed_titles(response)) == 8
