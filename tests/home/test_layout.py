import pytest
from django.template.loader import render_to_string

from tests.factories.home import StandardPageFactory


@pytest.fixture
def about(home_page):
    page = StandardPageFactory(parent=home_page, title="À propos", slug="a-propos")
    page.show_in_menus = True
    page.save_revision().publish()
    return page


@pytest.mark.django_db
def test_base_layout_has_landmarks_and_skip_link(client, about):
    html = client.get(about.url).content.decode()
    assert '<html lang="fr">' in html
    assert '<a class="skip-link" href="#contenu">Aller au contenu</a>' in html
    assert '<main id="contenu"' in html
    assert 'aria-label="Navigation principale"' in html
    assert "<footer" in html


@pytest.mark.django_db
def test_main_nav_lists_only_pages_shown_in_menus(client, home_page, about):
    StandardPageFactory(parent=home_page, title="Page cachée", slug="cachee")
    html = client.get("/").content.decode()
    nav = html.split('aria-label="Navigation principale"')[1].split("</nav>")[0]
    assert "À propos" in nav
    assert "Page cachée" not in nav


@pytest.mark.django_db
def test_breadcrumbs_lead_back_home(client, about):
    child = StandardPageFactory(parent=about, title="L'équipe", slug="equipe")
    html = client.get(child.url).content.decode()
    crumbs = html.split("Fil d'Ariane")[1].split("</nav>")[0]
    assert '<a href="/">Accueil</a>' in crumbs
    assert '<a href="/a-propos/">À propos</a>' in crumbs
    assert '<span aria-current="page">L&#x27;équipe</span>' in crumbs


@pytest.mark.django_db
def test_not_found_page_is_french_and_styled(client, home_page):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page introuvable" in html
    assert "skip-link" in html


def test_server_error_page_needs_no_database():
    # No django_db mark: any query here would raise.
    html = render_to_string("500.html")
    assert "Le site rencontre un problème" in html
    assert '<html lang="fr">' in html
