"""The cached site structure (home/site_structure.py) follows every change a visitor would see.

Each test shows a page first, so that the structure is in the cache, changes one thing the
way an editor would, then shows the page again: the change is there, and nothing that is a
draft or restricted ever is.
"""

import pytest
from wagtail.models import PageViewRestriction, Site

from home.models import SiteSettings
from tests.factories.catalogue import ProprietaryServiceFactory
from tests.factories.diagnostic import DiagnosticPageFactory
from tests.factories.home import StandardPageFactory

pytestmark = pytest.mark.django_db


def menu(client, url="/"):
    html = client.get(url).content.decode()
    return html.split('class="main-nav"')[1].split("</nav>")[0] if "main-nav" in html else ""


def section(parent, title, slug, in_menu=True):
    page = StandardPageFactory(parent=parent, title=title, slug=slug)
    page.show_in_menus = in_menu
    page.save_revision().publish()
    return page


def test_a_page_published_renamed_unpublished_or_deleted_changes_the_menu(client, home_page):
    about = section(home_page, "À propos", "a-propos")
    assert "À propos" in menu(client)
    news = section(home_page, "Actualités", "actualites")
    assert "Actualités" in menu(client)
    about.title = "Qui sommes-nous"
    about.save_revision().publish()
    assert "Qui sommes-nous" in menu(client) and "À propos" not in menu(client)
    news.unpublish()
    assert "Actualités" not in menu(client)
    about.delete()
    assert "Qui sommes-nous" not in menu(client)


def test_a_draft_never_reaches_the_menu_or_the_breadcrumbs(client, home_page):
    about = section(home_page, "À propos", "a-propos")
    team = section(about, "L'équipe", "equipe", in_menu=False)
    assert "À propos" in client.get(team.url).content.decode()
    about.title = "Brouillon secret"
    about.save_revision()  # not published
    html = client.get(team.url).content.decode()
    assert "Brouillon secret" not in html and "Brouillon secret" not in menu(client)


def test_a_renamed_section_is_renamed_in_the_breadcrumbs(client, home_page):
    about = section(home_page, "À propos", "a-propos")
    team = section(about, "L'équipe", "equipe", in_menu=False)
    assert '">À propos</a></li>' in client.get(team.url).content.decode()
    about.title = "Qui sommes-nous"
    about.save_revision().publish()
    html = client.get(team.url).content.decode()
    assert '">Qui sommes-nous</a></li>' in html and "À propos" not in html


def test_a_restriction_hides_the_section_at_once_and_lifting_it_shows_it(client, home_page):
    about = section(home_page, "À propos", "a-propos")
    team = section(about, "L'équipe", "equipe", in_menu=False)
    assert client.get(team.url).status_code == 200 and "À propos" in menu(client)
    restriction = PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(team.url).status_code == 302  # to the login page
    assert client.get(about.url).status_code == 302
    assert "À propos" not in menu(client)
    restriction.delete()
    assert client.get(team.url).status_code == 200 and "À propos" in menu(client)


def test_a_page_moved_under_a_restricted_section_is_restricted(client, home_page):
    private = section(home_page, "Espace membres", "membres", in_menu=False)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    about = section(home_page, "À propos", "a-propos")
    assert client.get("/a-propos/").status_code == 200 and "À propos" in menu(client)
    about.move(private, pos="last-child")
    assert client.get("/membres/a-propos/").status_code == 302
    assert client.get("/a-propos/").status_code == 301  # Wagtail's redirect to the new address
    assert "À propos" not in menu(client)


def test_the_settings_show_at_once(client, home_page):
    assert "· Emancip&#x27;Asso</title>" in client.get("/").content.decode()
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "Hub des associations"
    settings.footer_text = "Un pied de page neuf"
    settings.save()
    html = client.get("/").content.decode()
    assert "· Hub des associations</title>" in html and "Emancip&#x27;Asso" not in html
    assert "Un pied de page neuf" in html


def test_a_page_named_by_the_settings_shows_its_new_title(client, home_page):
    legal = section(home_page, "Mentions légales", "mentions-legales", in_menu=False)
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.legal_notice_page = legal
    settings.save()
    assert ">Mentions légales</a>" in client.get("/").content.decode()
    legal.title = "Informations légales"
    legal.save_revision().publish()
    assert ">Informations légales</a>" in client.get("/").content.decode()


def test_the_home_page_edited_is_served_new(client, home_page):
    """The site's root page travels with the cached site: publishing it replaces both."""
    client.get("/")
    home_page.hero_title = "Une accroche toute neuve"
    home_page.save_revision().publish()
    assert "Une accroche toute neuve" in client.get("/").content.decode()


def test_a_new_catalogue_service_is_offered_by_the_diagnostic_at_once(client, home_page):
    diagnostic = DiagnosticPageFactory(parent=home_page)
    ProprietaryServiceFactory(name="Gmail", slug="gmail")
    assert "Gmail" in client.get(diagnostic.url).content.decode()
    zoom = ProprietaryServiceFactory(name="Zoom", slug="zoom")
    assert "Zoom" in client.get(diagnostic.url).content.decode()
    zoom.live = False
    zoom.save()
    assert "Zoom" not in client.get(diagnostic.url).content.decode()
