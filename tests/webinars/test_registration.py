"""Registering for a webinar: a request, an e-mailed link, a confirmation, then a seat."""

import io
import re
from datetime import timedelta
from html import unescape

import pytest
import time_machine
from django.core import mail, signing
from django.core.management import call_command
from django.utils import timezone
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from outbox.models import OutgoingEmail
from tests.factories.webinars import RegistrationFactory, WebinarPageFactory
from webinars import booking, notifications
from webinars.models import Registration, RegistrationStatus, ReminderKind
from webinars.state import WebinarState
from webinars.tokens import cancel_token

pytestmark = pytest.mark.django_db

CONFIRM_LINK = re.compile(r"http://testserver(/webinaires/[\w-]+/confirmation/[\w-]+/)")
CANCEL_LINK = re.compile(r"http://testserver(/webinaires/[\w-]+/annulation/[\w-]+/)")


def form_data(**overrides):
    data = {
        "name": "Camille Martin",
        "email": "Camille@Example.org",
        "organisation": "Les Jardins partagés",
        "consent": "on",
        "site_web": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def webinar(webinar_index):
    return WebinarPageFactory(parent=webinar_index, title="Quitter Zoom", slug="quitter-zoom")


def text(response):
    """The page as a reader sees it (entities such as ' turned back into characters)."""
    return unescape(response.content.decode())


def link_in(pattern, email):
    match = pattern.search(email.body_text)
    assert match, email.body_text
    return match.group(1)


def ask(webinar, email, name="Personne"):
    """A request through the booking layer; the confirmation e-mail it queued, or None."""
    return booking.request_registration(webinar, name=name, email=email, organisation="")


def register_and_confirm(webinar, email):
    ask(webinar, email)
    registration = Registration.objects.get(webinar=webinar, email=email)
    assert booking.confirm(registration) is True
    registration.refresh_from_db()
    return registration


def test_the_form_only_asks_for_a_confirmation_and_the_link_books_the_seat(
    client, webinar, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(webinar.registration_url, form_data())
    assert response.status_code == 302
    assert response["Location"] == "/webinaires/quitter-zoom/inscription/merci/"
    registration = Registration.objects.get()
    assert (registration.name, registration.email, registration.status) == (
        "Camille Martin",
        "camille@example.org",
        RegistrationStatus.PENDING,
    )
    assert registration.consent is True
    assert webinar.confirmed_registrations().count() == 0
    done = text(client.get(response["Location"]))
    assert "Dernière étape : confirmez votre adresse" in done
    assert "Aucune place n'est réservée avant." in done

    [request_mail] = mail.outbox
    assert request_mail.to == ["camille@example.org"]
    assert request_mail.subject == "Confirmez votre inscription : Quitter Zoom"
    assert request_mail.attachments == []
    assert "visio.example.org" not in request_mail.body
    assert "dans les 48 heures" in request_mail.body
    confirm_path = CONFIRM_LINK.search(request_mail.body).group(1)

    # Opening the link (a person, or a mail scanner fetching it) only shows a button.
    page = client.get(confirm_path)
    assert page.status_code == 200
    assert "Vous êtes sur le point de confirmer votre inscription" in text(page)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.PENDING
    assert len(mail.outbox) == 1

    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(confirm_path)
    assert "est confirmée" in text(confirmed)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.confirmed_at is not None

    confirmation = mail.outbox[1]
    assert confirmation.subject == "Inscription confirmée : Quitter Zoom"
    assert "https://visio.example.org/b/emancipasso" in confirmation.body
    assert "(heure de Paris)" in confirmation.body
    assert "en un clic" not in confirmation.body
    [(filename, content, mimetype)] = confirmation.attachments
    assert (filename, mimetype) == ("quitter-zoom.ics", "text/calendar")
    assert "SUMMARY:Quitter Zoom" in content
    assert client.get(CANCEL_LINK.search(confirmation.body).group(1)).status_code == 200

    # The link again: nothing more happens, nothing more is sent.
    again = text(client.post(confirm_path))
    assert "est confirmée" in again
    assert len(mail.outbox) == 2


def test_nothing_typed_in_the_form_reaches_an_email(client, webinar):
    spam = "Gagnez 1000 euros sur spam.example.com"
    client.post(webinar.registration_url, form_data(name=spam, organisation=spam))
    request_mail = OutgoingEmail.objects.get()
    assert request_mail.body_text.startswith("Bonjour,\n")
    client.post(link_in(CONFIRM_LINK, request_mail))
    registration = Registration.objects.get()
    assert registration.name == spam  # kept for the organisers, never written to the address
    notifications.send_reminder(registration, ReminderKind.DAY_BEFORE)
    emails = list(OutgoingEmail.objects.order_by("pk"))
    assert [email.subject for email in emails] == [
        "Confirmez votre inscription : Quitter Zoom",
        "Inscription confirmée : Quitter Zoom",
        "Demain : Quitter Zoom",
    ]
    for email in emails:
        assert "Gagnez" not in email.subject + email.body_text + email.body_html


def test_twenty_posts_with_one_address_send_one_email_a_day(client, webinar, settings):
    settings.PUBLIC_FORM_SUBMISSION_RATE = "100/h"
    responses = {client.post(webinar.registration_url, form_data())["Location"] for _ in range(20)}
    assert responses == {"/webinaires/quitter-zoom/inscription/merci/"}
    assert Registration.objects.count() == 1
    [first] = OutgoingEmail.objects.all()

    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
        client.post(webinar.registration_url, form_data())
        assert OutgoingEmail.objects.count() == 2
        latest = OutgoingEmail.objects.latest("pk")
        # Only the latest link confirms; the one it replaced is refused.
        old = client.get(link_in(CONFIRM_LINK, first))
        assert old.status_code == 400
        assert "Ce lien de confirmation n'est pas valide" in text(old)
        assert client.get(link_in(CONFIRM_LINK, latest)).status_code == 200


def test_the_answer_never_tells_whether_an_address_is_registered(client, webinar):
    register_and_confirm(webinar, "deja@example.org")
    OutgoingEmail.objects.all().delete()
    new = client.post(webinar.registration_url, form_data(email="nouvelle@example.org"))
    known = client.post(webinar.registration_url, form_data(email="deja@example.org"))
    assert (new.status_code, new["Location"]) == (known.status_code, known["Location"])
    # Registered today already: nothing more goes to that address.
    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == [["nouvelle@example.org"]]


def test_someone_registered_gets_their_confirmation_again_the_next_day(client, webinar):
    registration = register_and_confirm(webinar, "camille@example.org")
    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
        client.post(webinar.registration_url, form_data())
    resent = OutgoingEmail.objects.latest("pk")
    assert resent.subject == "Inscription confirmée : Quitter Zoom"
    assert Registration.objects.get() == registration
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED


def test_invented_addresses_take_no_seat(client, webinar):
    webinar.capacity = 1
    webinar.save_revision().publish()
    for address in ("faux1@example.org", "faux2@example.org", "faux3@example.org"):
        ask(webinar, address)
    webinar = type(webinar).objects.get(pk=webinar.pk)
    assert webinar.state == WebinarState.REGISTRATION_OPEN
    assert webinar.places_left == 1
    assert "Il reste 1 place." in text(client.get(webinar.url))

    real = register_and_confirm(webinar, "vraie@example.org")
    assert real.status == RegistrationStatus.CONFIRMED
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses["faux1@example.org"] == RegistrationStatus.PENDING


def test_an_unconfirmed_request_lapses_after_48_hours(client, webinar):
    client.post(webinar.registration_url, form_data())
    link = link_in(CONFIRM_LINK, OutgoingEmail.objects.get())
    with time_machine.travel(timezone.now() + timedelta(hours=47)):
        assert client.get(link).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(hours=48, minutes=1)):
        for response in (client.get(link), client.post(link)):
            assert response.status_code == 410
            assert "Ce lien a expiré" in text(response)
            assert "dans les 48 heures est effacée" in text(response)
        assert Registration.objects.get().status == RegistrationStatus.PENDING
        output = io_call("purge_webinar_registrations")
        assert "Demandes non confirmées dans les 48 heures supprimées : 1" in output
    assert Registration.objects.count() == 0


def test_the_purge_keeps_fresh_requests_and_registrations(webinar):
    ask(webinar, "recent@example.org")
    register_and_confirm(webinar, "inscrite@example.org")
    with time_machine.travel(timezone.now() + timedelta(hours=47)):
        assert "supprimées : 0" in io_call("purge_webinar_registrations")
    assert Registration.objects.count() == 2


def io_call(command):
    out = io.StringIO()
    call_command(command, stdout=out)
    return out.getvalue()


def test_a_request_cannot_be_confirmed_once_registrations_close(client, webinar):
    webinar.registration_deadline = timezone.now() + timedelta(hours=2)
    webinar.save_revision().publish()
    client.post(webinar.registration_url, form_data())
    link = link_in(CONFIRM_LINK, OutgoingEmail.objects.get())
    with time_machine.travel(timezone.now() + timedelta(hours=3)):
        response = client.post(link)
    assert response.status_code == 410
    assert "Les inscriptions à ce webinaire sont closes" in text(response)
    assert Registration.objects.get().status == RegistrationStatus.PENDING
    assert OutgoingEmail.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": "   "}, "name", "Indiquez votre nom."),
        ({"name": "<b>Camille</b>"}, "name", "sans balise HTML"),
        ({"email": "camille-at-example"}, "email", "Cette adresse électronique n'est pas valide"),
        ({"email": None}, "email", "Indiquez votre adresse électronique."),
        ({"consent": None}, "consent", "Cochez cette case pour vous inscrire."),
    ],
)
def test_bad_input_stores_nothing_and_explains_in_french(
    client, webinar, overrides, field, message
):
    response = client.post(webinar.registration_url, form_data(**overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert Registration.objects.count() == 0
    assert OutgoingEmail.objects.count() == 0
    summary = unescape(html.split('class="error-summary" role="alert"')[1].split("</div>")[0])
    assert "Le formulaire contient une erreur" in summary
    assert f'href="#id_{field}"' in summary
    assert message in summary
    assert f'id="id_{field}_error"' in html
    field_tag = re.search(rf'<input[^>]*id="id_{field}"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in field_tag
    assert f"id_{field}_error" in field_tag


def test_the_honeypot_and_the_rate_limit_protect_the_form(client, webinar, settings):
    robot = client.post(webinar.registration_url, form_data(site_web="https://spam.example"))
    assert robot.status_code == 200
    assert "Votre envoi a été bloqué" in text(robot)
    assert Registration.objects.count() == 0

    settings.PUBLIC_FORM_SUBMISSION_RATE = "2/h"
    for number in range(2):
        sent = client.post(webinar.registration_url, form_data(email=f"p{number}@example.org"))
        assert sent.status_code == 302
    refused = client.post(webinar.registration_url, form_data(email="p3@example.org"))
    assert refused.status_code == 429
    assert "Pour limiter les abus, réessayez dans" in text(refused)
    assert Registration.objects.count() == 2
    assert OutgoingEmail.objects.count() == 2


def test_the_form_has_a_label_for_every_field(client, webinar):
    html = text(client.get(webinar.registration_url))
    for field in ("name", "email", "organisation", "consent"):
        assert f'<label for="id_{field}"' in html
    assert "supprimées 183 jours après le webinaire" in html
    assert 'class="honeypot" aria-hidden="true"' in html
    assert "M'inscrire" in html


def test_full_webinar_puts_confirmed_people_on_the_waiting_list(client, webinar):
    webinar.capacity = 2
    webinar.save_revision().publish()
    RegistrationFactory.create_batch(2, webinar=webinar)

    assert "Rejoindre la liste d'attente" in text(client.get(webinar.url))
    client.post(webinar.registration_url, form_data())
    link = link_in(CONFIRM_LINK, OutgoingEmail.objects.get())
    assert "vous rejoignez la liste d'attente" in text(client.get(link))
    page = text(client.post(link))
    assert "vous êtes sur la liste d'attente" in page
    registration = Registration.objects.get(email="camille@example.org")
    assert registration.status == RegistrationStatus.WAITING
    email = OutgoingEmail.objects.latest("pk")
    assert email.subject == "Liste d'attente : Quitter Zoom"
    assert email.attachments == []
    assert "visio.example.org" not in email.body_text
    assert "/annulation/" in email.body_text


def test_cancelling_promotes_the_first_person_waiting(webinar):
    webinar.capacity = 1
    webinar.save_revision().publish()
    first = register_and_confirm(webinar, "a@example.org")
    second = register_and_confirm(webinar, "b@example.org")
    third = register_and_confirm(webinar, "c@example.org")
    assert (second.status, third.status) == (RegistrationStatus.WAITING,) * 2

    assert booking.cancel(first) == booking.Cancellation(cancelled=True, place_passed_on=True)
    # A second click changes nothing.
    assert booking.cancel(first) == booking.Cancellation(cancelled=False)

    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "a@example.org": RegistrationStatus.CANCELLED,
        "b@example.org": RegistrationStatus.CONFIRMED,
        "c@example.org": RegistrationStatus.WAITING,
    }
    promoted = OutgoingEmail.objects.get(subject="Une place s'est libérée : " + webinar.title)
    assert promoted.to == ["b@example.org"]
    assert promoted.attachments[0]["filename"].endswith(".ics")
    assert "en un clic" not in promoted.body_text
    assert Registration.objects.get(email="b@example.org").promoted_at is not None


def test_the_waiting_list_follows_the_order_of_confirmations(webinar):
    webinar.capacity = 1
    webinar.save_revision().publish()
    first = register_and_confirm(webinar, "a@example.org")
    ask(webinar, "slow@example.org")  # asked first, confirms last
    register_and_confirm(webinar, "quick@example.org")
    assert booking.confirm(Registration.objects.get(email="slow@example.org")) is True
    booking.cancel(first)
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses["quick@example.org"] == RegistrationStatus.CONFIRMED
    assert statuses["slow@example.org"] == RegistrationStatus.WAITING


def test_newcomers_do_not_jump_the_waiting_list_when_a_place_opens(webinar):
    webinar.capacity = 1
    webinar.save_revision().publish()
    RegistrationFactory(webinar=webinar, email="waiting@example.org", status="waiting")
    # The editors add a place: the person waiting gets it, the newcomer waits.
    webinar.capacity = 2
    webinar.save_revision().publish()
    RegistrationFactory(webinar=webinar, email="first@example.org")
    late = register_and_confirm(webinar, "late@example.org")
    assert late.status == RegistrationStatus.WAITING
    assert Registration.objects.get(email="waiting@example.org").status == "confirmed"


def test_adding_places_promotes_people_waiting_as_soon_as_it_is_published(webinar):
    webinar.capacity = 1
    webinar.save_revision().publish()
    RegistrationFactory(webinar=webinar, email="first@example.org")
    RegistrationFactory(webinar=webinar, email="second@example.org", status="waiting")
    RegistrationFactory(webinar=webinar, email="third@example.org", status="waiting")

    webinar.capacity = 2
    webinar.save_revision().publish()

    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses["second@example.org"] == RegistrationStatus.CONFIRMED
    assert statuses["third@example.org"] == RegistrationStatus.WAITING
    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == [["second@example.org"]]


def test_a_cancel_link_from_an_earlier_registration_cannot_cancel_the_next_one(client, webinar):
    registration = register_and_confirm(webinar, "camille@example.org")
    old_link = link_in(CANCEL_LINK, OutgoingEmail.objects.latest("pk"))
    client.post(old_link)
    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
        client.post(webinar.registration_url, form_data())
        assert Registration.objects.count() == 1
        registration.refresh_from_db()
        assert registration.status == RegistrationStatus.PENDING
        assert registration.cancelled_at is None
        client.post(link_in(CONFIRM_LINK, OutgoingEmail.objects.latest("pk")))
        new_link = link_in(CANCEL_LINK, OutgoingEmail.objects.latest("pk"))
        assert new_link != old_link

        refused = client.post(old_link)
        assert refused.status_code == 400
        assert "il vient d'une inscription plus ancienne" in text(refused)
        assert Registration.objects.get().status == RegistrationStatus.CONFIRMED
        assert "est annulée" in text(client.post(new_link))
    assert Registration.objects.get().status == RegistrationStatus.CANCELLED


def test_cancel_link_asks_then_cancels(client, webinar):
    registration = RegistrationFactory(webinar=webinar, name="Camille")
    url = webinar.url + webinar.reverse_subpage(
        "cancel", kwargs={"token": cancel_token(registration)}
    )

    page = text(client.get(url))
    assert "Camille, vous êtes sur le point d'annuler" in page
    registration.refresh_from_db()
    assert (
        registration.status == RegistrationStatus.CONFIRMED
    )  # a GET (link preview) changes nothing

    done = text(client.post(url))
    assert "est annulée" in done
    assert "liste d'attente" not in done  # nobody waits: no place is passed on
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    assert "est déjà annulée" in text(client.get(url))


def test_cancel_links_expire_when_the_webinar_ends(client, webinar):
    registration = RegistrationFactory(webinar=webinar)
    url = webinar.url + f"annulation/{cancel_token(registration)}/"
    with time_machine.travel(webinar.ends_at - timedelta(minutes=1)):
        assert client.get(url).status_code == 200
    with time_machine.travel(webinar.ends_at):
        for response in (client.get(url), client.post(url)):
            assert response.status_code == 410
            assert "Ce webinaire est terminé" in text(response)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_tampered_or_foreign_links_are_refused(client, webinar, webinar_index):
    registration = RegistrationFactory(webinar=webinar)
    token = cancel_token(registration)
    signed = force_str(urlsafe_base64_decode(token))
    other_person = RegistrationFactory(webinar=webinar)
    payload = signed.split(":")[0]
    pk, stamp = signing.loads(signed, salt="webinars.cancel-registration")
    assert pk == registration.pk
    forged_value = signing.b64_encode(f'[{other_person.pk},"{stamp}"]'.encode()).decode()
    forged = signed.replace(payload, forged_value, 1)
    assert forged != signed
    pending = RegistrationFactory(webinar=webinar, status="pending", confirmed_at=None)
    unconfirmed = urlsafe_base64_encode(
        force_bytes(signing.dumps([pending.pk, ""], salt="webinars.cancel-registration"))
    )
    for bad_token in (
        urlsafe_base64_encode(force_bytes(forged)),
        "nimportequoi",
        token[:-4],
        unconfirmed,
    ):
        for route in ("annulation", "confirmation"):
            response = client.post(webinar.url + f"{route}/{bad_token}/")
            assert response.status_code == 400
            assert "n'est pas valide" in text(response)

    other = WebinarPageFactory(parent=webinar_index)
    assert client.post(other.url + f"annulation/{token}/").status_code == 400
    # A cancel token is no confirmation token, and the other way round.
    assert client.post(webinar.url + f"confirmation/{token}/").status_code == 400
    statuses = set(Registration.objects.values_list("status", flat=True))
    assert statuses == {"confirmed", "pending"}


def test_external_registration_link_replaces_the_form(client, webinar):
    webinar.external_registration_url = "https://framaforms.org/inscription-webinaire"
    webinar.capacity = 1
    webinar.save_revision().publish()
    html = text(client.get(webinar.url))
    assert 'href="https://framaforms.org/inscription-webinaire"' in html
    assert webinar.registration_url not in html
    response = client.post(webinar.registration_url, form_data())
    assert response["Location"] == "https://framaforms.org/inscription-webinaire"
    assert Registration.objects.count() == 0


def test_join_link_is_on_the_page_only_when_editors_choose_so(client, webinar):
    assert "visio.example.org" not in text(client.get(webinar.url))
    webinar.show_join_url = True
    webinar.save_revision().publish()
    assert 'href="https://visio.example.org/b/emancipasso"' in text(client.get(webinar.url))


def test_no_registration_once_the_webinar_started(client, webinar):
    webinar.start = timezone.now() - timedelta(minutes=5)
    webinar.save_revision().publish()
    response = client.post(webinar.registration_url, form_data())
    assert response.status_code == 200
    assert "Le webinaire a commencé" in text(response)
    assert Registration.objects.count() == 0


def test_public_pages_set_no_cookie_but_the_form_page_may(client, webinar):
    for url in (webinar.url, webinar.ics_url, "/webinaires/", "/webinaires/agenda.ics"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, url
    assert "csrftoken" in client.get(webinar.registration_url).cookies


def test_the_cancel_page_says_the_place_goes_on_only_when_someone_waits(client, webinar):
    webinar.capacity = 1
    webinar.save_revision().publish()
    registration = RegistrationFactory(webinar=webinar)
    RegistrationFactory(webinar=webinar, email="waiting@example.org", status="waiting")
    url = webinar.url + webinar.reverse_subpage(
        "cancel", kwargs={"token": cancel_token(registration)}
    )
    done = text(client.post(url))
    assert "revient à la première personne de la liste d'attente" in done
