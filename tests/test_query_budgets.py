"""Every public page runs a fixed number of queries, uncached, whatever the amount of content.

One site is built with the factories (a few pages of each kind, with images, topics, tools,
areas) once for the module, and every page's queries are counted on it; it is then grown to
five times more of everything a page could list, and each test counts its page again and
holds both counts to the page's budget (at most 12, as the hub promises). A query per row
makes the second count larger; a new query pushes both over the budget.
`bench/public_pages.py --sql` lists the queries page by page on a database.
"""

import datetime
import itertools

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import Page
from wagtail_factories import ImageFactory

from catalogue.models import Category
from home.demo_tools import ensure_home_page
from home.models import SiteSettings
from tests.factories.catalogue import (
    CatalogueIndexPageFactory,
    CategoryFactory,
    FreeAlternativeFactory,
    ProprietaryServiceFactory,
)
from tests.factories.diagnostic import DiagnosticPageFactory
from tests.factories.directory import DirectoryIndexPageFactory, ProviderPageFactory
from tests.factories.guides import GuideIndexPageFactory, GuidePageFactory, GuideTestimonyFactory
from tests.factories.home import StandardPageFactory
from tests.factories.webinars import WebinarIndexPageFactory, WebinarPageFactory
from tests.helpers import assert_same_queries_within_budget, queries_for, shared_test_data

RESULT = (
    "/passer-au-libre/?outils=gmail&outils=doodle&departement=35&taille=small"
    "&moyens=aucun&souhaits=formation"
)

# Each page's budget: what it costs today, which the hub's promise (12) bounds.
BUDGETS = {
    "/": 4,
    "/a-propos/": 1,
    "/guides/": 8,
    "/guides/quitter-gmail/": 9,
    "/alternatives/": 4,
    # Who offers each alternative is read off the directory's bitset index (the first few
    # hosts and others by title): the same queries at 10 000 providers.
    "/alternatives/remplacer/gmail/": 12,
    "/annuaire/breizh-libre/": 10,
    "/webinaires/": 6,
    "/webinaires/a-venir/": 6,
    "/webinaires/choisir-un-hebergeur/": 5,
    "/passer-au-libre/": 1,
    # The matching shortlists in the database from the listing facts, then loads the few
    # providers it proposes with their relations.
    RESULT: 12,
    # The page search, the catalogue's kinds, and who offers an alternative to Gmail (the
    # directory's index gives their ids, one query loads the first of them).
    "/recherche/?q=gmail": 8,
}


class Site:
    """The pages and catalogue entries a grown site adds to."""

    def __init__(self):
        self.numbers = itertools.count()
        home = ensure_home_page()
        about = StandardPageFactory(parent=home, title="À propos", slug="a-propos")
        about.show_in_menus = True
        about.save_revision().publish()
        settings = SiteSettings.for_site(home.get_site())
        settings.legal_notice_page = about
        settings.save()
        self.catalogue = CatalogueIndexPageFactory(parent=home)
        self.guides = GuideIndexPageFactory(parent=home)
        self.directory = DirectoryIndexPageFactory(parent=home)
        self.webinars = WebinarIndexPageFactory(parent=home)
        DiagnosticPageFactory(parent=home)
        for index in (self.catalogue, self.guides, self.directory, self.webinars):
            index.show_in_menus = True
            index.save_revision().publish()
        self.category = CategoryFactory(name="Messagerie", slug="messagerie")
        self.gmail = ProprietaryServiceFactory(name="Gmail", slug="gmail", category=self.category)
        self.doodle = ProprietaryServiceFactory(name="Doodle", slug="doodle")
        self.zimbra = FreeAlternativeFactory(
            name="Zimbra", slug="zimbra", category=self.category, replaces=[self.gmail]
        )
        self.framadate = FreeAlternativeFactory(name="Framadate", replaces=[self.doodle])
        guide = self.add_guide(slug="quitter-gmail")
        home.featured_guides = [("guide", guide)]
        home.save_revision().publish()
        self.add_provider(slug="breizh-libre")
        self.add_webinar(slug="choisir-un-hebergeur")
        self.add_testimony()
        self.grow(1)  # two of each: what a page shows of its neighbours is there already

    def add_guide(self, **fields):
        return GuidePageFactory(
            parent=self.guides,
            title=fields.pop("title", None) or "Quitter Gmail",
            listing_image=ImageFactory(description="Un bureau associatif"),
            topics=[self.category],
            services=[self.gmail, self.doodle],
            **fields,
        )

    def add_testimony(self):
        return GuideTestimonyFactory(
            parent=self.guides, tools_before=[self.gmail, self.doodle], tools_after=[self.zimbra]
        )

    def add_provider(self, **fields):
        return ProviderPageFactory(
            parent=self.directory,
            title=fields.pop("title", None) or "Breizh Libre",
            logo=ImageFactory(description="Logo de la structure"),
            tools=[self.zimbra, self.framadate],
            regions=["bretagne"],
            departments=["35", "29"],
            offerings=["hebergement", "formation"],
            remote=True,
            **fields,
        )

    def add_webinar(self, **fields):
        return WebinarPageFactory(
            parent=self.webinars,
            title=fields.pop("title", None) or "Choisir un hébergeur",
            topics=[self.category],
            start=timezone.now() + datetime.timedelta(days=7),
            **fields,
        )

    def grow(self, times=8):
        """More of everything a page lists (eight more: five times the small site)."""
        for _ in range(times):
            number = next(self.numbers)
            self.add_guide(title=f"Guide {number}")
            self.add_testimony()
            self.add_provider(title=f"Structure {number}")
            self.add_webinar(title=f"Webinaire {number}")
            service = ProprietaryServiceFactory(category=self.category)
            FreeAlternativeFactory(category=self.category, replaces=[service, self.gmail])


@pytest.fixture(scope="module")
def small_counts(django_db_setup, django_db_blocker):
    """Every page's queries on the small site; the module's tests then find it grown."""
    with shared_test_data(django_db_blocker):
        site = Site()
        client = Client()
        counts = {url: queries_for(client, url)[0] for url in BUDGETS}
        site.grow()
        yield counts


@pytest.mark.django_db
@pytest.mark.parametrize("url", list(BUDGETS))
def test_the_page_runs_the_same_few_queries_at_two_sizes(client, small_counts, url):
    large, _ = queries_for(client, url)
    assert_same_queries_within_budget(url, small_counts[url], large, BUDGETS[url])


def test_every_budget_keeps_the_promise():
    assert max(BUDGETS.values()) <= 12


@pytest.mark.django_db
def test_the_pages_show_what_they_list(client, small_counts):
    """The budgets count pages that show their content, not empty shells."""
    assert "Quitter Gmail" in client.get("/guides/").content.decode()
    assert "Breizh Libre" in client.get("/alternatives/remplacer/gmail/").content.decode()
    assert "Structure 0" in client.get(RESULT).content.decode()
    assert "Choisir un hébergeur" in client.get("/webinaires/").content.decode()
    assert "Zimbra" in client.get("/annuaire/breizh-libre/").content.decode()
    assert Page.objects.live().count() > 10 and Category.objects.count() >= 2
