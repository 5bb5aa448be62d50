import re
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.utils import timezone
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from outbox.models import OutgoingEmail
from tests.factories.webinars import RegistrationFactory, WebinarPageFactory
from webinars import booking
from webinars.models import Registration, RegistrationStatus
from webinars.tokens import cancel_token

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "name": "Camille Martin",
        "email": "Camille@Example.org",
        "organisation": "Les Jardins partagés",
        "consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def webinar(webinar_index):
    return WebinarPageFactory(parent=webinar_index, title="Quitter Zoom", slug="quitter-zoom")


def test_registration_is_stored_then_confirmed_by_email_with_ics_and_cancel_link(
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
        RegistrationStatus.CONFIRMED,
    )
    assert registration.consent is True

    [message] = mail.outbox
    assert message.to == ["camille@example.org"]
    assert message.subject == "Inscription confirmée : Quitter Zoom"
    assert "https://visio.example.org/b/emancipasso" in message.body
    assert "(heure de Paris)" in message.body
    cancel_link = re.search(
        r"http://localhost(/webinaires/quitter-zoom/annulation/\S+/)", message.body
    )
    assert cancel_link
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == ("quitter-zoom.ics", "text/calendar")
    assert "SUMMARY:Quitter Zoom" in content

    done = client.get(response["Location"]).content.decode()
    assert "Inscription enregistrée" in done

    assert client.get(cancel_link.group(1)).status_code == 200


def test_registering_twice_creates_no_duplicate(client, webinar):
    client.post(webinar.registration_url, form_data())
    response = client.post(webinar.registration_url, form_data(email=" camille@example.ORG "))
    assert response.status_code == 302
    assert Registration.objects.count() == 1
    # The second attempt sends the confirmation again, in case the first one was lost.
    assert OutgoingEmail.objects.filter(subject="Inscription confirmée : Quitter Zoom").count() == 2


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": "   "}, "name", "Indiquez votre nom."),
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
    summary = html.split('class="error-summary" role="alert"')[1].split("</div>")[0]
    assert "Le formulaire contient une erreur" in summary
    assert f'href="#id_{field}"' in summary
    assert message.replace("'", "&#x27;") in summary
    assert f'id="id_{field}_error"' in html
    field_tag = re.search(rf'<input[^>]*id="id_{field}"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in field_tag
    assert f"id_{field}_error" in field_tag


def test_the_form_has_a_label_for_every_field(client, webinar):
    html = client.get(webinar.registration_url).content.decode()
    for field in ("name", "email", "organisation", "consent"):
        assert f'<label for="id_{field}"' in html
    assert "supprimées 183 jours après le webinaire" in html


def test_full_webinar_puts_people_on_the_waiting_list(client, webinar):
    webinar.capacity = 2
    webinar.save_revision().publish()
    RegistrationFactory.create_batch(2, webinar=webinar)

    page = client.get(webinar.url).content.decode()
    assert "Rejoindre la liste d'attente" in page
    response = client.post(webinar.registration_url, form_data())
    assert response["Location"].endswith("/inscription/merci/?attente=1")
    registration = Registration.objects.get(email="camille@example.org")
    assert registration.status == RegistrationStatus.WAITING
    email = OutgoingEmail.objects.get(to=["camille@example.org"])
    assert email.subject == "Liste d'attente : Quitter Zoom"
    assert email.attachments == []
    assert "visio.example.org" not in email.body_text
    assert "Vous êtes sur la liste d'attente" in client.get(response["Location"]).content.decode()


def test_cancelling_promotes_the_first_person_waiting(webinar):
    webinar.capacity = 1
    webinar.save_revision().publish()
    first = booking.register(webinar, name="A", email="a@example.org", organisation="").registration
    second = booking.register(webinar, name="B", email="b@example.org", organisation="")
    third = booking.register(webinar, name="C", email="c@example.org", organisation="")
    assert (second.waiting, third.waiting) == (True, True)

    assert booking.cancel(first) is True
    assert booking.cancel(first) is False  # a second click changes nothing

    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "a@example.org": RegistrationStatus.CANCELLED,
        "b@example.org": RegistrationStatus.CONFIRMED,
        "c@example.org": RegistrationStatus.WAITING,
    }
    promoted = OutgoingEmail.objects.get(subject="Une place s'est libérée : " + webinar.title)
    assert promoted.to == ["b@example.org"]
    assert promoted.attachments[0]["filename"].endswith(".ics")
    assert Registration.objects.get(email="b@example.org").promoted_at is not None


def test_newcomers_do_not_jump_the_waiting_list_when_a_place_opens(webinar):
    webinar.capacity = 1
    webinar.save_revision().publish()
    RegistrationFactory(webinar=webinar, email="waiting@example.org", status="waiting")
    # The editors add a place: the person waiting gets it, the newcomer waits.
    webinar.capacity = 2
    webinar.save_revision().publish()
    RegistrationFactory(webinar=webinar, email="first@example.org")
    late = booking.register(webinar, name="Late", email="late@example.org", organisation="")
    assert late.waiting
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


def test_someone_who_cancelled_can_register_again_without_a_new_row(webinar):
    registration = RegistrationFactory(webinar=webinar, email="camille@example.org")
    booking.cancel(registration)
    result = booking.register(webinar, name="Camille", email="camille@example.org", organisation="")
    assert result.created is False
    assert result.registration.status == RegistrationStatus.CONFIRMED
    assert result.registration.cancelled_at is None
    assert Registration.objects.count() == 1


def test_cancel_link_asks_then_cancels(client, webinar):
    registration = RegistrationFactory(webinar=webinar, name="Camille")
    url = webinar.url + webinar.reverse_subpage(
        "cancel", kwargs={"token": cancel_token(registration)}
    )

    page = client.get(url).content.decode()
    assert "Camille, vous êtes sur le point d'annuler" in page
    registration.refresh_from_db()
    assert (
        registration.status == RegistrationStatus.CONFIRMED
    )  # a GET (link preview) changes nothing

    done = client.post(url).content.decode()
    assert "est annulée" in done
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    assert "est déjà annulée" in client.get(url).content.decode()


def test_tampered_or_foreign_cancel_link_is_refused(client, webinar, webinar_index):
    registration = RegistrationFactory(webinar=webinar)
    token = cancel_token(registration)
    signed = force_str(urlsafe_base64_decode(token))
    other_person = RegistrationFactory(webinar=webinar)
    payload = signed.split(":")[0]
    assert signing.b64_decode(payload.encode()) == str(registration.pk).encode()
    forged = signed.replace(payload, signing.b64_encode(str(other_person.pk).encode()).decode(), 1)
    assert forged != signed
    for bad_token in (urlsafe_base64_encode(force_bytes(forged)), "nimportequoi", token[:-4]):
        response = client.post(webinar.url + f"annulation/{bad_token}/")
        assert response.status_code == 400
        assert "Ce lien d'annulation n'est pas valide" in response.content.decode()

    other = WebinarPageFactory(parent=webinar_index)
    assert client.post(other.url + f"annulation/{token}/").status_code == 400
    assert set(Registration.objects.values_list("status", flat=True)) == {"confirmed"}


def test_external_registration_link_replaces_the_form(client, webinar):
    webinar.external_registration_url = "https://framaforms.org/inscription-webinaire"
    webinar.capacity = 1
    webinar.save_revision().publish()
    html = client.get(webinar.url).content.decode()
    assert 'href="https://framaforms.org/inscription-webinaire"' in html
    assert webinar.registration_url not in html
    response = client.post(webinar.registration_url, form_data())
    assert response["Location"] == "https://framaforms.org/inscription-webinaire"
    assert Registration.objects.count() == 0


def test_join_link_is_on_the_page_only_when_editors_choose_so(client, webinar):
    assert "visio.example.org" not in client.get(webinar.url).content.decode()
    webinar.show_join_url = True
    webinar.save_revision().publish()
    assert (
        'href="https://visio.example.org/b/emancipasso"' in client.get(webinar.url).content.decode()
    )


def test_no_registration_once_the_webinar_started(client, webinar):
    webinar.start = timezone.now() - timedelta(minutes=5)
    webinar.save_revision().publish()
    response = client.post(webinar.registration_url, form_data())
    assert response.status_code == 200
    assert "Le webinaire a commencé" in response.content.decode()
    assert Registration.objects.count() == 0


def test_public_pages_set_no_cookie_but_the_form_page_may(client, webinar):
    for url in (webinar.url, webinar.ics_url, "/webinaires/", "/webinaires/agenda.ics"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, url
    assert "csrftoken" in client.get(webinar.registration_url).cookies
