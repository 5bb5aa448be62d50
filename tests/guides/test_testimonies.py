"""Testimonies of associations like the visitor's, for the diagnostic: which, in what order."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guides.models import Audience
from guides.testimonies import similar_testimonies
from tests.factories.catalogue import FreeAlternativeFactory, ProprietaryServiceFactory
from tests.factories.guides import GuidePageFactory, GuideTestimonyFactory

pytestmark = pytest.mark.django_db


def day(number):
    return datetime.date(2026, 9, number)


@pytest.fixture
def tools():
    return {
        name: ProprietaryServiceFactory(name=name, slug=name)
        for name in ("gmail", "zoom", "doodle")
    }


def titles(testimonies):
    return [testimony.title for testimony in testimonies]


def test_more_shared_tools_then_same_size_then_most_recent_come_first(guide_index, tools):
    gmail, zoom, doodle = tools["gmail"], tools["zoom"], tools["doodle"]
    testimony = GuideTestimonyFactory.create
    testimony(
        parent=guide_index,
        title="Un outil, autre taille, récent",
        tools_before=[gmail],
        association_size=Audience.LARGE,
        last_reviewed=day(30),
    )
    testimony(
        parent=guide_index,
        title="Deux outils, ancien",
        tools_before=[gmail, zoom, doodle],
        association_size=Audience.LARGE,
        last_reviewed=day(1),
    )
    testimony(
        parent=guide_index,
        title="Un outil, même taille, ancien",
        tools_before=[zoom],
        association_size=Audience.SMALL,
        last_reviewed=day(2),
    )
    testimony(
        parent=guide_index,
        title="Un outil, même taille, récent",
        tools_before=[gmail],
        association_size=Audience.SMALL,
        last_reviewed=day(20),
    )
    testimony(parent=guide_index, title="Aucun outil en commun", tools_before=[doodle])

    found = similar_testimonies([gmail.pk, zoom.pk], audience=Audience.SMALL, limit=10)

    assert titles(found) == [
        "Deux outils, ancien",
        "Un outil, même taille, récent",
        "Un outil, même taille, ancien",
        "Un outil, autre taille, récent",
    ]
    assert titles(similar_testimonies([gmail.pk, zoom.pk], limit=2)) == [
        "Deux outils, ancien",
        "Un outil, autre taille, récent",
    ]


def test_only_live_public_testimonies_are_found(guide_index, tools):
    gmail = tools["gmail"]
    GuideTestimonyFactory(parent=guide_index, title="En ligne", tools_before=[gmail])
    GuideTestimonyFactory(parent=guide_index, title="Brouillon", tools_before=[gmail], live=False)
    GuidePageFactory(parent=guide_index, title="Guide pratique", tools_before=[gmail])
    private = GuideTestimonyFactory(parent=guide_index, title="Privé", tools_before=[gmail])
    private.view_restrictions.create(restriction_type="password", password="secret")

    assert titles(similar_testimonies([gmail.pk])) == ["En ligne"]
    assert similar_testimonies([]) == []


def test_one_query_whatever_the_number_of_testimonies_and_tools(guide_index, tools):
    """What the diagnostic lists (title, introduction, address) comes with the testimonies."""

    def add(count):
        for _ in range(count):
            GuideTestimonyFactory(
                parent=guide_index,
                tools_before=list(tools.values()),
                tools_after=[FreeAlternativeFactory(), FreeAlternativeFactory()],
            )

    def queries():
        service_ids = [tool.pk for tool in tools.values()]
        similar_testimonies(service_ids)  # reads the restricted sections into the cache
        with CaptureQueriesContext(connection) as context:
            shown = [
                (testimony.title, testimony.introduction, testimony.url_path)
                for testimony in similar_testimonies(service_ids)
            ]
        assert shown
        return len(context.captured_queries)

    add(1)
    assert queries() == 1
    add(4)
    assert queries() == 1
