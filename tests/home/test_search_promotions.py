"""Editors' promoted results (Wagtail's search promotions) lead the site search, marked
"Recommandé", and are not listed a second time among the other results."""

import re

import pytest
from django.core.management import call_command
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from tests.factories.home import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page):
    pages = {
        slug: StandardPageFactory(
            parent=home_page, title=title, slug=slug, introduction=f"{title} : la messagerie."
        )
        for slug, title in [
            ("quitter-gmail", "Quitter Gmail"),
            ("thunderbird", "Thunderbird au quotidien"),
            ("listes", "Des listes de diffusion libres"),
        ]
    }
    pages["brouillon"] = StandardPageFactory(
        parent=home_page, title="Brouillon secret", slug="brouillon", live=False
    )
    pages["bureau"] = StandardPageFactory(parent=home_page, title="Page du bureau", slug="bureau")
    PageViewRestriction.objects.create(
        page=pages["bureau"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    call_command("update_index", verbosity=0)
    return pages


def promote(query, order, **fields):
    return SearchPromotion.objects.create(query=Query.get(query), sort_order=order, **fields)


def results(html):
    """The titles of the results list, in order, with the badge text when there is one."""
    items = re.findall(r'<li class="search-result[^"]*">(.*?)</li>', html, re.S)
    headings = [re.sub(r"<[^>]+>", "", item.split("</h2>")[0]) for item in items]
    return [" ".join(heading.split()) for heading in headings]


def test_promoted_results_come_first_marked_and_only_once(client, pages):
    promote("messagerie", 1, page=pages["listes"], description="Notre sélection pour débuter.")
    promote(
        "Messagerie",
        2,
        external_link_url="https://docs.framasoft.org/",
        external_link_text="La documentation de Framasoft",
    )
    html = client.get("/recherche/", {"q": "  MESSAGERIE "}).content.decode()
    found = results(html)
    assert found[:2] == [
        "Des listes de diffusion libres Recommandé",
        "La documentation de Framasoft Recommandé",
    ]
    assert sorted(found[2:]) == ["Quitter Gmail", "Thunderbird au quotidien"]
    assert "Notre sélection pour débuter." in html
    assert 'href="https://docs.framasoft.org/"' in html
    assert "4 résultats pour «\u00a0MESSAGERIE\u00a0»" in html


def test_a_promotion_belongs_to_its_search_only(client, pages):
    promote("thunderbird", 1, page=pages["listes"])
    html = client.get("/recherche/", {"q": "messagerie"}).content.decode()
    assert "Recommandé" not in html
    assert len(results(html)) == 3


def test_a_promotion_alone_is_shown_even_when_nothing_else_matches(client, pages):
    promote("pétition", 1, page=pages["quitter-gmail"])
    html = client.get("/recherche/", {"q": "pétition"}).content.decode()
    assert results(html) == ["Quitter Gmail Recommandé"]
    assert "Essayez un autre mot" not in html


def test_a_promoted_draft_or_private_page_stays_hidden(client, pages):
    promote("messagerie", 1, page=pages["brouillon"])
    promote("messagerie", 2, page=pages["bureau"])
    html = client.get("/recherche/", {"q": "messagerie"}).content.decode()
    assert "Recommandé" not in html
    assert "Brouillon secret" not in html
    assert "Page du bureau" not in html


def test_promotions_lead_the_first_page_of_results_only(client, pages, monkeypatch):
    monkeypatch.setattr("home.views.RESULTS_PER_PAGE", 1)
    promote("messagerie", 1, page=pages["listes"])
    second = client.get("/recherche/", {"q": "messagerie", "page": 2}).content.decode()
    assert "Recommandé" not in second
    assert len(results(second)) == 1
