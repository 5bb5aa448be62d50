"""An association registers for a webinar, confirms by the e-mailed link, gets the .ics."""

import re

import pytest
from django.core import mail

from webinars.models import Registration, RegistrationStatus, WebinarPage
from webinars.state import WebinarState

EMAIL = "tresoriere@asso-essai.example.org"


@pytest.fixture
def open_webinar(demo_site):
    """A demo webinar with free places, and its registrations from this test removed after."""
    webinar = next(
        page
        for page in WebinarPage.objects.live().order_by("start")
        if page.uses_registration_form and page.state == WebinarState.REGISTRATION_OPEN
    )
    yield webinar
    Registration.objects.filter(email=EMAIL).delete()


def test_association_registers_confirms_and_gets_the_ics(new_page, open_webinar):
    mail.outbox.clear()
    new_page.goto(open_webinar.url)
    with new_page.expect_navigation():
        new_page.locator("main").get_by_role("link", name="inscri").first.click()
    new_page.get_by_label("Votre nom").fill("Camille Trésorière")
    new_page.get_by_label("Votre adresse électronique").fill(EMAIL)
    new_page.get_by_label("Votre association (facultatif)").fill("Les Amis du Jardin")
    new_page.get_by_role("checkbox").check()
    with new_page.expect_navigation():
        new_page.get_by_role("button", name="M'inscrire").click()

    assert new_page.url.endswith(open_webinar.url + "inscription/merci/")
    assert new_page.locator("h1").count() == 1
    registration = Registration.objects.get(webinar=open_webinar, email=EMAIL)
    assert registration.status == RegistrationStatus.PENDING

    [request_mail] = [message for message in mail.outbox if message.to == [EMAIL]]
    confirm_path = re.search(r"https?://[^/]+(/\S+/confirmation/\S+/)", request_mail.body)
    new_page.goto(confirm_path.group(1))
    with new_page.expect_navigation():
        new_page.get_by_role("button", name="Confirmer mon inscription").click()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED

    [message] = [m for m in mail.outbox if m.to == [EMAIL] and m is not request_mail]
    assert open_webinar.title in message.subject
    [(filename, content, mimetype)] = message.attachments
    assert filename == f"{open_webinar.slug}.ics"
    assert mimetype.startswith("text/calendar")
    text = content.decode() if isinstance(content, bytes) else content
    assert "BEGIN:VEVENT" in text
    assert open_webinar.title.split()[0] in text
