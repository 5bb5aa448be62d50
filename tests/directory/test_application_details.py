"""An application says what the profile would (tools, prestations, areas, prices); the team
reads those facts by name, the applicant is told what happens next, and approval fills the
draft profile with them."""

import pytest
from django.core import mail
from django.core.cache import cache

from directory.models import Offering, ProviderApplication, ProviderPage, Region
from home.groups import MODERATORS
from home.models import SiteSettings, StandardPage
from outbox.models import OutgoingEmail
from tests.factories.catalogue import CategoryFactory, FreeAlternativeFactory
from tests.helpers import member_of

APPLY_URL = "/annuaire/referencer/"


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def tools(db):
    writing = CategoryFactory(name="Écrire ensemble", slug="ecrire")
    mail_use = CategoryFactory(name="Courriel", slug="courriel")
    return {
        "etherpad": FreeAlternativeFactory(name="Etherpad", slug="etherpad", category=writing),
        "cryptpad": FreeAlternativeFactory(name="CryptPad", slug="cryptpad", category=writing),
        "thunderbird": FreeAlternativeFactory(
            name="Thunderbird", slug="thunderbird", category=mail_use
        ),
        "draft": FreeAlternativeFactory(
            name="Brouillon Mail", slug="brouillon", category=mail_use, live=False
        ),
    }


@pytest.fixture
def charter(home_page, directory):
    page = StandardPage(
        title="Charte et critères de sélection",
        slug="charte",
        introduction="Comment nous choisissons les structures.",
    )
    home_page.add_child(instance=page)
    directory.charter_page = page
    directory.save()
    return page


@pytest.fixture
def team_address(site):
    settings = SiteSettings.for_site(site)
    settings.contact_email = "equipe@example.org"
    settings.save()
    return settings.contact_email


def full_application(entries, **overrides):
    data = {
        "structure_name": "Coop Libre Ouest",
        "structure_type": "cooperative",
        "chatons_member": "on",
        "city": "Nantes",
        "website": "https://coop-libre.example.org",
        "summary": "Nous hébergeons et installons des outils libres pour les associations.",
        "offerings": [
            Offering.objects.get(slug="hebergement").pk,
            Offering.objects.get(slug="diagnostic").pk,
        ],
        "tools": [entries["etherpad"].pk, entries["thunderbird"].pk],
        "remote": "on",
        "regions": [Region.objects.get(slug="bretagne").pk],
        "departments": "44",
        "price_min": "350",
        "price_max": "500",
        "prices_adapted": "on",
        "price_information": "À la journée, ou au forfait pour une migration complète.",
        "contact_name": "Alex Durand",
        "contact_email": "alex@coop-libre.example.org",
        "charter_accepted": "on",
        "site_web": "",
    }
    data.update(overrides)
    return data


def test_the_form_offers_published_tools_grouped_by_use_in_french_order(client, directory, tools):
    html = client.get(APPLY_URL).content.decode()
    assert html.index("<legend>Courriel</legend>") < html.index("<legend>Écrire ensemble</legend>")
    # Within a use, names in French order, whatever their case.
    assert html.index("CryptPad") < html.index("Etherpad")
    assert "Brouillon Mail" not in html
    # Each box inside its label, without a wrapper: the page stays light.
    cryptpad = tools["cryptpad"].pk
    box = f'<input type="checkbox" name="tools" value="{cryptpad}"'
    assert f'<label for="id_tools_1_0">{box}' in html
    # Départements are typed as numbers, not 101 boxes.
    assert '<input type="text" name="departments"' in html
    assert 'name="departments" value=' not in html
    for label in ("Tarif journalier indicatif, à partir de (€)", "Comment vous facturez"):
        assert label in html.replace("&#x27;", "'")


def test_a_full_application_is_stored_then_fills_the_draft_profile(
    client, directory, tools, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(APPLY_URL, full_application(tools))
    assert response.status_code == 302
    application = ProviderApplication.objects.get()
    assert sorted(application.tools.values_list("slug", flat=True)) == ["etherpad", "thunderbird"]
    assert list(application.departments.values_list("code", flat=True)) == ["44"]
    assert (application.price_min, application.price_max, application.prices_adapted) == (
        350,
        500,
        True,
    )

    client.force_login(member_of(MODERATORS, "moderatrice"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/annuaire/demandes/{application.pk}/accepter/")
    page = ProviderPage.objects.get()
    assert sorted(page.tools.values_list("slug", flat=True)) == ["etherpad", "thunderbird"]
    assert sorted(page.offerings.values_list("slug", flat=True)) == ["diagnostic", "hebergement"]
    assert list(page.regions.values_list("slug", flat=True)) == ["bretagne"]
    assert list(page.departments.values_list("code", flat=True)) == ["44"]
    assert page.remote
    assert (page.price_min, page.price_max, page.prices_adapted) == (350, 500, True)
    assert page.price_information == "À la journée, ou au forfait pour une migration complète."
    # The draft revision the provider opens holds the same facts.
    draft = page.get_latest_revision_as_object()
    assert sorted(tool.slug for tool in draft.tools.all()) == ["etherpad", "thunderbird"]
    assert draft.price_min == 350


def test_a_tool_unpublished_since_the_application_is_not_copied(
    client, directory, tools, django_capture_on_commit_callbacks
):
    client.post(APPLY_URL, full_application(tools))
    application = ProviderApplication.objects.get()
    tools["thunderbird"].live = False
    tools["thunderbird"].save()
    client.force_login(member_of(MODERATORS, "moderatrice"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/annuaire/demandes/{application.pk}/accepter/")
    assert list(ProviderPage.objects.get().tools.values_list("slug", flat=True)) == ["etherpad"]


@pytest.mark.parametrize(
    ("overrides", "field_error"),
    [
        ({"price_min": "600"}, "Le tarif maximal doit être supérieur au tarif minimal."),
        ({"price_min": "-5"}, "Assurez-vous que cette valeur est supérieure ou égale à 0."),
        ({"price_max": "beaucoup"}, "Indiquez un montant en euros, sans centimes."),
        ({"price_information": "<b>gratuit</b>"}, "sans balise HTML"),
        (
            {"remote": "", "regions": [], "departments": " , "},
            "Cochez au moins une région ou indiquez un département, ou que vous travaillez "
            "à distance.",
        ),
        (
            {"departments": "44, 99"},
            "Aucun département ne porte le numéro 99\u00a0: indiquez des numéros comme 35, 2A ou "
            "974, séparés par des virgules.",
        ),
        (
            {"departments": "2C 44 Bretagne"},
            "Aucun département ne porte les numéros 2C, BRETAGNE\u00a0:",
        ),
    ],
)
def test_bad_facts_are_refused_in_french_and_store_nothing(
    client, directory, tools, overrides, field_error
):
    response = client.post(APPLY_URL, full_application(tools, **overrides))
    assert response.status_code == 200
    assert field_error in response.content.decode().replace("&#x27;", "'")
    assert ProviderApplication.objects.count() == 0
    assert OutgoingEmail.objects.count() == 0


def test_a_draft_tool_cannot_be_slipped_into_an_application(client, directory, tools):
    """An attacker posting the id of an unpublished entry gets an error, not a listed draft."""
    data = full_application(tools, tools=[tools["draft"].pk])
    response = client.post(APPLY_URL, data)
    assert response.status_code == 200
    assert f"Sélectionnez un choix valide. {tools['draft'].pk} n’en fait pas partie." in (
        response.content.decode()
    )
    assert ProviderApplication.objects.count() == 0


def test_a_departement_alone_is_enough_as_area(client, directory, tools):
    data = full_application(tools, remote="", regions=[])
    assert client.post(APPLY_URL, data).status_code == 302
    assert ProviderApplication.objects.get().departments.get().code == "44"


def test_departement_numbers_are_read_however_they_are_typed(client, directory, tools):
    """Commas, spaces or semicolons, lower case (2a) and a missing leading zero (5) all work;
    a number typed twice counts once."""
    data = full_application(tools, departments=" 35;2a  5, 35,974 ")
    assert client.post(APPLY_URL, data).status_code == 302
    codes = ProviderApplication.objects.get().departments.values_list("code", flat=True)
    assert sorted(codes) == ["05", "2A", "35", "974"]


def test_typed_departements_are_kept_when_another_field_is_wrong(client, directory, tools):
    response = client.post(APPLY_URL, full_application(tools, departments="35, 56", city=""))
    assert 'name="departments" value="35, 56"' in response.content.decode()
    assert ProviderApplication.objects.count() == 0


def test_more_numbers_than_departements_are_refused(client, directory, tools):
    response = client.post(APPLY_URL, full_application(tools, departments="35 " * 102))
    assert "Indiquez au plus 101 numéros de département." in response.content.decode()
    assert ProviderApplication.objects.count() == 0


TEAM_NOTICE = """Bonjour,

« Coop Libre Ouest » (Nantes) demande à être référencée dans l'annuaire.

Type de structure : Coopérative (SCOP, SCIC…)
Membre du collectif CHATONS : oui
Ville : Nantes
Site web : https://coop-libre.example.org
Prestations : Diagnostic des outils et des usages, Hébergement de services libres
Outils : Etherpad, Thunderbird
Territoires : à distance, partout en France ; régions : Bretagne ; départements : \
Loire-Atlantique (44)
Tarifs : de 350\u00a0€ à 500\u00a0€ par jour ; tarifs adaptés aux associations
Comment elle facture :
À la journée, ou au forfait pour une migration complète.

Contact : Alex Durand <alex@coop-libre.example.org>

Présentation :
Nous hébergeons et installons des outils libres pour les associations.

Lisez la demande, puis acceptez-la ou refusez-la dans l'administration :
http://testserver/admin/directory/providerapplication/inspect/{pk}/
"""

ACKNOWLEDGEMENT = """Bonjour Alex Durand,

Nous avons bien reçu la demande de référencement de « Coop Libre Ouest » dans l'annuaire \
Emancip'Asso. Merci !

Et maintenant ?
- L'équipe éditoriale d'Emancip'Asso, chez Framasoft et Animafac, lit chaque demande \
elle-même. Elle vous répond par courriel, en général sous deux semaines.
- Elle vérifie que votre structure respecte la charte de l'annuaire : des outils libres, \
le respect des données des associations, des tarifs clairs.
- Si votre demande est acceptée, vous recevrez un lien pour choisir votre mot de passe, puis \
une fiche en brouillon déjà remplie avec ce que vous nous avez indiqué. Vous la compléterez, \
puis l'équipe la relira avant de la publier.
- Si elle ne l'est pas, nous vous dirons pourquoi.

La charte et les critères de sélection :
http://testserver/charte/

Ce que vous nous avez envoyé :
Type de structure : Coopérative (SCOP, SCIC…)
Membre du collectif CHATONS : oui
Ville : Nantes
Site web : https://coop-libre.example.org
Prestations : Diagnostic des outils et des usages, Hébergement de services libres
Outils : Etherpad, Thunderbird
Territoires : à distance, partout en France ; régions : Bretagne ; départements : \
Loire-Atlantique (44)
Tarifs : de 350\u00a0€ à 500\u00a0€ par jour ; tarifs adaptés aux associations
Comment vous facturez :
À la journée, ou au forfait pour une migration complète.

Une erreur, une précision ? Répondez simplement à ce courriel.

L'équipe Emancip'Asso
"""


def test_both_emails_read_every_fact_by_name(
    client, directory, tools, charter, team_address, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(APPLY_URL, full_application(tools))
    application = ProviderApplication.objects.get()
    notice = next(m for m in mail.outbox if m.to == [team_address])
    assert notice.subject == "Nouvelle demande de référencement : Coop Libre Ouest"
    assert notice.reply_to == ["alex@coop-libre.example.org"]
    assert notice.body.strip() == TEAM_NOTICE.format(pk=application.pk).strip()

    acknowledgement = next(m for m in mail.outbox if m.to == ["alex@coop-libre.example.org"])
    assert acknowledgement.subject == "Nous avons bien reçu votre demande de référencement"
    assert acknowledgement.reply_to == [team_address]
    assert acknowledgement.body.strip() == ACKNOWLEDGEMENT.strip()


def test_emails_of_a_bare_application_say_what_is_missing(
    client, directory, tools, team_address, django_capture_on_commit_callbacks
):
    bare = full_application(
        tools,
        chatons_member="",
        website="",
        tools=[],
        regions=[],
        departments=[],
        price_min="",
        price_max="",
        prices_adapted="",
        price_information="",
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(APPLY_URL, bare)
    notice = next(m for m in mail.outbox if m.to == [team_address]).body
    for line in (
        "Membre du collectif CHATONS : non\n",
        "Site web : aucun\n",
        "Outils : aucun indiqué\n",
        "Territoires : à distance, partout en France\n",
        "Tarifs : non indiqués\n",
    ):
        assert line in notice
    assert "Comment elle facture" not in notice
    acknowledgement = next(m for m in mail.outbox if m.to != [team_address]).body
    assert "La charte et les critères de sélection" not in acknowledgement  # no charter page
    assert "Comment vous facturez" not in acknowledgement


def test_form_and_thanks_page_link_to_the_published_charter_only(client, directory, charter):
    link = 'href="/charte/"'
    assert link in client.get(APPLY_URL).content.decode()
    assert link in client.get(APPLY_URL + "merci/").content.decode()
    assert "Comment les structures sont choisies" in client.get("/annuaire/").content.decode()
    charter.unpublish()
    assert link not in client.get(APPLY_URL).content.decode()
    assert "Comment les structures sont choisies" not in client.get("/annuaire/").content.decode()


def test_a_checkbox_field_is_one_label_around_its_box_until_it_has_an_error(
    client, directory, tools
):
    html = client.get(APPLY_URL).content.decode()
    assert (
        '<label class="form-field form-field--checkbox" for="id_remote">'
        '<input type="checkbox" name="remote" id="id_remote"> Nous accompagnons' in html
    )
    refused = client.post(APPLY_URL, full_application(tools, charter_accepted="")).content
    html = refused.decode().replace("&#x27;", "'")
    assert '<ul class="errorlist" id="id_charter_accepted_error">' in html
    assert "L'annuaire n'accepte que les structures qui signent sa charte." in html
    assert '<label for="id_charter_accepted">Nous acceptons la charte' in html
