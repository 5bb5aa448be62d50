import re

import pytest

from guides.models import Audience, GuideKind
from tests.factories.catalogue import CategoryFactory
from tests.factories.guides import GuidePageFactory, GuideTestimonyFactory
from tests.helpers import assert_query_budget

pytestmark = pytest.mark.django_db


def listed_titles(response):
    return re.findall(r'<h2><a href="/guides/[^"]+/">([^<]+)</a></h2>', response.content.decode())


@pytest.fixture
def library(guide_index):
    """Guides crossing kinds, topics and audiences, to check each filter returns exactly."""
    mail, visio = CategoryFactory(name="Courriel", slug="courriel"), CategoryFactory(slug="visio")
    specs = [
        ("Argument pour tous", GuideKind.ARGUMENT, Audience.ALL, [mail]),
        ("Argument petites assos", GuideKind.ARGUMENT, Audience.SMALL, [visio]),
        ("Pratique courriel grandes", GuideKind.PRACTICAL, Audience.LARGE, [mail]),
        ("Fiche visio petites", GuideKind.TOOL_SHEET, Audience.SMALL, [visio, mail]),
        ("Témoignage moyen", GuideKind.TESTIMONY, Audience.MEDIUM, [visio]),
    ]
    return {
        title: (GuideTestimonyFactory if kind == GuideKind.TESTIMONY else GuidePageFactory)(
            parent=guide_index, title=title, kind=kind, audience=audience, topics=topics
        )
        for title, kind, audience, topics in specs
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            {},
            {
                "Argument pour tous",
                "Argument petites assos",
                "Pratique courriel grandes",
                "Fiche visio petites",
                "Témoignage moyen",
            },
        ),
        ({"kind": "argument"}, {"Argument pour tous", "Argument petites assos"}),
        (
            {"topic": "courriel"},
            {"Argument pour tous", "Pratique courriel grandes", "Fiche visio petites"},
        ),
        (
            {"audience": "small"},
            {"Argument pour tous", "Argument petites assos", "Fiche visio petites"},
        ),
        ({"kind": "argument", "topic": "visio", "audience": "small"}, {"Argument petites assos"}),
        ({"kind": "testimony", "audience": "large"}, set()),
    ],
)
def test_filters_give_exactly_the_expected_guides(client, library, query, expected):
    response = client.get("/guides/", query)
    assert set(listed_titles(response)) == expected
    assert "Set-Cookie" not in response.headers


def test_an_unknown_filter_value_is_explained_and_the_other_filters_still_apply(client, library):
    response = client.get("/guides/", {"kind": "pamphlet", "topic": "visio"})
    html = response.content.decode()
    assert 'role="alert"' in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_kind-errors"' in html
    assert set(listed_titles(response)) == {
        "Argument petites assos",
        "Fiche visio petites",
        "Témoignage moyen",
    }


def test_unpublished_guides_are_not_listed(client, library):
    library["Témoignage moyen"].unpublish()
    assert "Témoignage moyen" not in listed_titles(client.get("/guides/"))


def test_the_index_paginates_and_keeps_the_filters(client, guide_index):
    for number in range(14):
        GuidePageFactory(parent=guide_index, title=f"Argument {number:02d}", kind="argument")
    GuidePageFactory(parent=guide_index, title="Une fiche", kind="tool_sheet")
    first = client.get("/guides/", {"kind": "argument"})
    second = client.get("/guides/", {"kind": "argument", "page": 2})
    assert len(listed_titles(first)) == 12
    assert len(listed_titles(second)) == 2
    assert "kind=argument" in first.content.decode().split('rel="next"')[0].rsplit("href=", 1)[1]


def test_index_query_count_is_constant_as_guides_grow(client, guide_index):
    topics = [CategoryFactory(), CategoryFactory()]

    def add_guides():
        for _ in range(4):
            GuidePageFactory(parent=guide_index, topics=topics)

    add_guides()
    # Budget: today's count; the count stays the same with twice the guides.
    response = assert_query_budget(client, "/guides/?audience=small", 6, add_guides)
    assert len(listed_titles(response)) == 8
