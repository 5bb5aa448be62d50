"""The footer and the three legal pages: one place for the publisher's details, pages that say
what the code does (retention, cookies), and an accessibility statement in RGAA's structure."""

import re
from html import unescape

import pytest
from django.utils.html import strip_tags
from wagtail.models import Site

from home.models import SiteSettings, StandardPage
from home.models.settings import AccessibilityStatus
from webinars.models.registrations import CONFIRMATION_HOURS


def text_of(html):
    return " ".join(unescape(strip_tags(html)).split())


def footer_of(html):
    return html.split('<footer class="site-footer">')[1].split("</footer>")[0]


@pytest.fixture
def demo(db, home_demo_site):
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


def read(client, slug):
    response = client.get(StandardPage.objects.get(slug=slug).url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_footer_shows_the_publisher_from_the_settings_and_follows_them(client, demo):
    footer = footer_of(client.get("/").content.decode())
    assert 'href="mailto:contact@emancipasso.example.org"' in footer
    assert "1 rue de l&#x27;Exemple<br>00000 Exempleville" in footer
    assert "Éditeur\u00a0: Association Emancip&#x27;Asso Démo" in footer

    demo.contact_email = "bonjour@asso-nouvelle.example.org"
    demo.postal_address = "12 place du Marché\n69000 Lyon"
    demo.publisher_name = "Asso Nouvelle"
    demo.save()
    footer = footer_of(client.get("/").content.decode())
    assert 'href="mailto:bonjour@asso-nouvelle.example.org"' in footer
    assert "12 place du Marché<br>69000 Lyon" in footer
    assert "Éditeur\u00a0: Asso Nouvelle" in footer
    assert "emancipasso.example.org" not in footer.split("</address>")[0]
    assert "Exempleville" not in footer


@pytest.mark.django_db
def test_legal_pages_print_the_same_details_as_the_footer(client, demo):
    demo.contact_email = "bonjour@asso-nouvelle.example.org"
    demo.postal_address = "12 place du Marché\n69000 Lyon"
    demo.publication_director = "Dominique Durand, président"
    demo.save()
    for slug in ("mentions-legales", "confidentialite", "accessibilite"):
        html = read(client, slug)
        main = html.split('<main id="contenu"')[1].split("</main>")[0]
        assert 'href="mailto:bonjour@asso-nouvelle.example.org"' in main, slug
        assert "12 place du Marché<br>69000 Lyon" in main, slug
        assert "contact@emancipasso.example.org" not in html, slug
    legal = text_of(read(client, "mentions-legales"))
    assert "Direction de la publication : Dominique Durand, président" in legal
    assert "Dominique Durand" not in text_of(read(client, "confidentialite"))


@pytest.mark.django_db
def test_footer_states_the_accessibility_status_and_links_the_three_pages(client, demo):
    footer = footer_of(client.get("/").content.decode())
    statement = StandardPage.objects.get(slug="accessibilite").url
    assert f'<a href="{statement}">Accessibilité\u00a0: non conforme</a>' in footer
    assert '<a href="/mentions-legales/">Mentions légales</a>' in footer
    assert '<a href="/confidentialite/">Politique de confidentialité</a>' in footer

    demo.accessibility_status = AccessibilityStatus.PARTIAL
    demo.save()
    footer = footer_of(client.get("/").content.decode())
    assert f'<a href="{statement}">Accessibilité\u00a0: partiellement conforme</a>' in footer


@pytest.mark.django_db
def test_demo_addresses_are_reserved_example_addresses(client, demo):
    """No real mailbox or person receives what a demo visitor writes."""
    assert demo.contact_email.endswith(".example.org")
    for slug in ("mentions-legales", "confidentialite", "accessibilite"):
        addresses = re.findall(r"mailto:([^\"]+)", read(client, slug))
        assert addresses, slug
        assert all(address.endswith(".example.org") for address in addresses), slug


@pytest.mark.django_db
def test_legal_notice_has_what_the_law_asks(client, demo):
    html = read(client, "mentions-legales")
    headings = [text_of(h) for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html)]
    for heading in ("Éditeur du site", "Hébergement", "Propriété intellectuelle et licence"):
        assert heading in headings
    text = text_of(html)
    assert "Direction de la publication : Camille Exemple" in text
    assert "(CC BY-SA 4.0)" in text
    assert "Téléphone" in text
    assert "Contenu de démonstration" in text


@pytest.mark.django_db
def test_privacy_policy_durations_are_the_code_s(client, demo, settings):
    text = text_of(read(client, "confidentialite"))
    months = settings.DIRECTORY_CONTACT_RETENTION_MONTHS
    assert f"{months} mois après la réception de la demande" in text
    webinar_months = round(settings.WEBINAR_REGISTRATION_RETENTION_DAYS / 30.44)
    assert f"{webinar_months} mois après la fin du webinaire" in text
    assert f"effacée au bout de {CONFIRMATION_HOURS} heures" in text
    assert "au plus tard la nuit suivante" in text


@pytest.mark.django_db
def test_privacy_policy_names_controller_rights_and_the_cnil(client, demo):
    html = read(client, "confidentialite")
    headings = [text_of(h) for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html)]
    sections = (
        "Responsable du traitement",
        "Ce que nous traitons, pourquoi et combien de temps",
        "Cookies",
        "Vos droits",
        "Réclamation auprès de la CNIL",
    )
    assert [h for h in headings if h in sections] == list(sections)
    text = text_of(html)
    for right in ("accéder", "rectifier", "effacer", "vous opposer", "limiter", "portabilité"):
        assert right in text
    assert "Base légale" in text
    assert "3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07" in text
    assert 'href="https://www.cnil.fr/fr/plaintes"' in html


RGAA_SECTIONS = [
    "État de conformité",
    "Résultats des tests",
    "Contenus non accessibles",
    "Établissement de cette déclaration",
    "Retour d'information et contact",
    "Voies de recours",
]


@pytest.mark.django_db
def test_accessibility_statement_follows_the_rgaa_model(client, demo):
    html = read(client, "accessibilite")
    headings = [text_of(h) for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html)]
    assert [h for h in headings if h in RGAA_SECTIONS] == RGAA_SECTIONS
    subheadings = [text_of(h) for h in re.findall(r"<h3[^>]*>(.*?)</h3>", html)]
    for heading in (
        "Non-conformités",
        "Dérogations pour charge disproportionnée",
        "Contenus non soumis à l'obligation d'accessibilité",
        "Technologies utilisées pour la réalisation du site",
        "Environnement de test",
        "Outils pour évaluer l'accessibilité",
        "Pages du site ayant fait l'objet de la vérification",
    ):
        assert heading in subheadings
    text = text_of(html)
    assert re.search(r"établie le \d{1,2} \w+ \d{4}", text)
    assert "Aucun audit de conformité au RGAA n'a encore été réalisé" in text
    assert "1 280 et à 390 pixels" in text
    assert "Défenseur des droits, Libre réponse 71120, 75342 Paris Cedex 07" in text


@pytest.mark.django_db
def test_statement_and_footer_state_the_same_status(client, demo):
    """The demo has no RGAA audit, so the only true mention is « non conforme », in both."""
    assert demo.accessibility_status == AccessibilityStatus.NON_COMPLIANT
    status = demo.get_accessibility_status_display()
    text = text_of(read(client, "accessibilite"))
    assert f"Le site Emancip'Asso est {status} avec le référentiel" in text
    assert f"Accessibilité : {status}" in text_of(footer_of(client.get("/").content.decode()))
