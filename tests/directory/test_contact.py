"""Contacting a provider: stored first, e-mailed through the outbox, bad input stores nothing."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache

from directory.models import ContactRequest, Offering, Region
from home.demo_tools import ensure_user
from outbox.models import OutgoingEmail
from tests.factories.directory import ProviderPageFactory

CONTACT_URL = "/annuaire/les-libristes/contacter/"


@pytest.fixture
def provider(directory):
    return ProviderPageFactory(
        parent=directory,
        title="Les Libristes",
        slug="les-libristes",
        contact_email="secret-contact@libristes.example.org",
        offerings=["diagnostic", "hebergement"],
    )


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def valid_data(**overrides):
    data = {
        "association_name": "Les Amis du Jardin",
        "person_name": "Camille Martin",
        "email": "camille@jardin.example.org",
        "region": Region.objects.get(slug="bretagne").pk,
        "needs": [],
        "message": "Nous voulons quitter notre drive et former nos bénévoles.",
        "consent": "on",
        "site_web": "",
    }
    data.update(overrides)
    return data


def test_the_profile_never_shows_the_contact_email_and_sets_no_cookie(client, provider):
    response = client.get("/annuaire/les-libristes/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "secret-contact" not in html
    assert "libristes.example.org" not in html
    assert response.cookies == {}
    assert 'href="/annuaire/les-libristes/contacter/"' in html


def test_a_contact_request_is_stored_then_emailed_to_the_provider(
    client, provider, django_capture_on_commit_callbacks
):
    needs = Offering.objects.filter(slug__in=["diagnostic", "hebergement"]).order_by("sort_order")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CONTACT_URL, valid_data(needs=[need.pk for need in needs]))
    assert response.status_code == 302
    assert response["Location"] == "/annuaire/les-libristes/contacter/merci/"
    sent = client.get(response["Location"]).content.decode()
    assert "Vous recevrez aussi à cette adresse une copie de votre message." in sent
    stored = ContactRequest.objects.get()
    assert stored.provider.specific == provider
    assert stored.association_name == "Les Amis du Jardin"
    assert stored.consent is True
    assert {need.slug for need in stored.needs.all()} == {"diagnostic", "hebergement"}
    assert stored.email_message.status == OutgoingEmail.Status.SENT
    message, copy = mail.outbox
    assert message.to == ["secret-contact@libristes.example.org"]
    assert message.reply_to == ["camille@jardin.example.org"]
    assert "Les Amis du Jardin" in message.subject
    assert "former nos bénévoles" in message.body
    # Every optional part filled, each read as words (a join once printed a QuerySet).
    assert "Région : Bretagne\n" in message.body
    assert (
        "Besoins : Diagnostic des outils et des usages, Hébergement de services libres\n"
        in message.body
    )
    # The association gets a copy of what it sent, with every optional part.
    assert copy.to == ["camille@jardin.example.org"]
    assert copy.subject == "Copie de votre message à Les Libristes via Emancip'Asso"
    assert "Voici la copie du message que vous avez envoyé à « Les Libristes »" in copy.body
    assert "Sa fiche : http" in copy.body and "/annuaire/les-libristes/" in copy.body
    assert "Région : Bretagne\n" in copy.body
    assert (
        "Besoins : Diagnostic des outils et des usages, Hébergement de services libres\n"
        in copy.body
    )
    assert "former nos bénévoles" in copy.body
    assert "secret-contact@libristes.example.org" not in copy.body
    assert "<" not in copy.body and "QuerySet" not in copy.body


def test_the_form_offers_only_the_needs_this_provider_serves(client, provider):
    html = client.get(CONTACT_URL).content.decode()
    assert "Hébergement de services libres" in html
    assert "Diagnostic des outils et des usages" in html
    assert "Formation des utilisateurs" not in html


def test_a_need_the_provider_does_not_serve_is_refused_and_nothing_is_stored(client, provider):
    other = Offering.objects.exclude(slug__in=["diagnostic", "hebergement"]).first()
    response = client.post(CONTACT_URL, valid_data(needs=[other.pk]))
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert not ContactRequest.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_a_request_stays_stored_when_the_email_is_not_sent_yet(
    client, provider, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        client.post(CONTACT_URL, valid_data())
    stored = ContactRequest.objects.get()
    assert stored.email_message.status == OutgoingEmail.Status.PENDING
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": "pas-une-adresse"}, "Saisissez une adresse e-mail valide"),
        ({"message": "a" * 3001}, "au plus 3000 caractères"),
        ({"association_name": "x" * 151}, "au plus 150 caractères"),
        ({"message": "Bonjour <script>alert(1)</script>"}, "sans balise HTML"),
        ({"person_name": "<b>Camille</b>"}, "sans balise HTML"),
        ({"consent": ""}, "Cochez la case pour que la structure puisse vous répondre."),
        ({"association_name": ""}, "Indiquez le nom de votre association."),
        ({"site_web": "http://spam.example.com"}, "Votre envoi a été bloqué"),
    ],
)
def test_bad_input_gets_a_clear_error_and_stores_nothing(client, provider, overrides, message):
    response = client.post(CONTACT_URL, valid_data(**overrides))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'role="alert"' in html
    assert "Rien n'a été enregistré" in html
    assert ContactRequest.objects.count() == 0
    assert OutgoingEmail.objects.count() == 0


def test_an_invalid_field_is_described_for_screen_readers(client, provider):
    html = client.post(CONTACT_URL, valid_data(email="faux")).content.decode()
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_email_helptext id_email_error"' in html
    assert 'id="id_email_error"' in html


def test_too_many_submissions_from_one_address_are_refused(client, provider, settings):
    settings.PUBLIC_FORM_SUBMISSION_RATE = "2/h"
    for _ in range(2):
        assert client.post(CONTACT_URL, valid_data()).status_code == 302
    response = client.post(CONTACT_URL, valid_data())
    assert response.status_code == 429
    html = response.content.decode()
    assert "Pour limiter les abus, réessayez dans" in html
    assert "Rien n'a été enregistré" in html
    assert ContactRequest.objects.count() == 2
    assert OutgoingEmail.objects.count() == 4  # each request: its e-mail and the sender's copy
    other_address = client.post(CONTACT_URL, valid_data(), REMOTE_ADDR="192.0.2.7")
    assert other_address.status_code == 302


def test_mistakes_do_not_count_against_the_limit(client, provider, settings):
    """Someone who mistypes five times still sends the message once it is right."""
    settings.PUBLIC_FORM_SUBMISSION_RATE = "2/h"
    for _ in range(5):
        response = client.post(CONTACT_URL, valid_data(email="faux"))
        assert response.status_code == 200
        assert "Saisissez une adresse e-mail valide" in response.content.decode()
    for _ in range(2):
        assert client.post(CONTACT_URL, valid_data()).status_code == 302
    assert ContactRequest.objects.count() == 2


def test_a_robot_posting_without_end_is_refused_even_with_invalid_posts(client, provider, settings):
    settings.PUBLIC_FORM_POST_RATE = "3/h"
    for _ in range(3):
        assert client.post(CONTACT_URL, valid_data(site_web="spam")).status_code == 200
    response = client.post(CONTACT_URL, valid_data())
    assert response.status_code == 429
    assert "réessayez dans" in response.content.decode()
    assert ContactRequest.objects.count() == 0
    assert OutgoingEmail.objects.count() == 0


def test_the_contact_form_page_renders_every_field_with_a_label(client, provider):
    html = client.get(CONTACT_URL).content.decode()
    for field in ("association_name", "person_name", "email", "region", "message", "consent"):
        assert f'for="id_{field}"' in html
    assert "<legend>Vos besoins" in html
    assert html.count("<h1") == 1


def test_the_api_gives_public_facts_but_never_the_contact_email(client, provider):
    response = client.get("/api/v2/pages/?type=directory.ProviderPage&fields=*")
    assert response.status_code == 200
    body = response.content.decode()
    assert '"title": "Les Libristes"' in body
    assert '"structure_type": "association"' in body
    assert "secret-contact" not in body
    assert "contact_email" not in body


def test_a_failed_email_keeps_the_request_visible_with_its_delivery_state(
    client, provider, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.outbox.failing_backend.UnreachableSMTPBackend"
    settings.OUTBOX_RETRY_PERIOD = timedelta(0)  # given up at the first failure
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(CONTACT_URL, valid_data()).status_code == 302
    stored = ContactRequest.objects.get()
    assert stored.email_message.status == OutgoingEmail.Status.FAILED
    assert "Connection refused" in stored.email_message.last_error

    client.force_login(
        ensure_user("relecture", "mot-de-passe", email="r@example.org", superuser=True)
    )
    listing = client.get("/admin/directory/contactrequest/").content.decode()
    assert "Les Amis du Jardin" in listing
    assert "Échec" in listing


def test_the_thank_you_page_says_the_message_is_stored_not_yet_read(client, provider):
    page = client.get("/annuaire/les-libristes/contacter/merci/").content.decode()
    assert "Votre message est enregistré" in page
    assert "a reçu votre message" not in page
