"""Hostile input against every public form: never a 5xx, a French answer, nothing stored.

The forms: a provider's contact form, the directory application form, webinar registration,
and the confirm and cancel links of a registration. Each is sent markup, SQL-like strings,
10 000 characters, NUL bytes, invalid UTF-8, repeated and unknown fields, no CSRF token and
methods it does not take. Free text may legitimately contain an SQL-like string: it is then
stored as typed, and nothing else happens.
"""

import re
from dataclasses import dataclass
from html import unescape
from urllib.parse import quote

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from directory.models import ContactRequest, Offering, ProviderApplication, Region
from home.demo_tools import ensure_home_page
from outbox.models import OutgoingEmail
from tests.factories.directory import DirectoryIndexPageFactory, ProviderPageFactory
from tests.factories.webinars import (
    RegistrationFactory,
    WebinarIndexPageFactory,
    WebinarPageFactory,
)
from tests.helpers import shared_test_data
from webinars.models import Registration, WebinarPage
from webinars.tokens import cancel_token, confirmation_token

pytestmark = pytest.mark.django_db

HOSTILE = {
    "balises": lambda valid: f'{valid} <script>alert("x")</script>',
    "SQL": lambda valid: "' OR '1'='1'; DROP TABLE auth_user; --",
    "10 000 caractères": lambda valid: "a" * 10_000,
    "octet NUL": lambda valid: f"{valid}\x00",
}
# Every refusal must be one of these French explanations.
FRENCH_REFUSALS = (
    "sans balise HTML",
    "au plus",
    "caractère nul",
    "n'ont pas pu être lus",
    "adresse e-mail valide",
    "adresse électronique n'est pas valide",
    "URL valide",
    "choix valide",
)


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """Each case starts under the limits: what is tested here is the answer to the input."""
    cache.clear()
    yield
    cache.clear()


@dataclass(frozen=True)
class PublicForm:
    url: str
    valid: dict
    text_fields: tuple  # free text: markup refused, an SQL-like string stored as typed
    strict_fields: tuple  # e-mail, address, choices: every hostile value refused
    model: type

    def stored(self):
        return self.model.objects.count()


@pytest.fixture(scope="module")
def forms(django_db_setup, django_db_blocker):
    """The three forms on one small site, built once for the module's hundred cases."""
    with shared_test_data(django_db_blocker):
        yield public_forms(ensure_home_page())


def public_forms(home_page):
    directory = DirectoryIndexPageFactory(parent=home_page)
    ProviderPageFactory(parent=directory, title="Les Libristes", slug="les-libristes")
    webinar = WebinarPageFactory(
        parent=WebinarIndexPageFactory(parent=home_page), title="Quitter Zoom", slug="zoom"
    )
    return {
        "contact": PublicForm(
            url="/annuaire/les-libristes/contacter/",
            valid={
                "association_name": "Les Amis du Jardin",
                "person_name": "Camille Martin",
                "email": "camille@jardin.example.org",
                "region": str(Region.objects.get(slug="bretagne").pk),
                "message": "Nous voulons quitter notre drive.",
                "consent": "on",
                "site_web": "",
            },
            text_fields=("association_name", "person_name", "message"),
            strict_fields=("email", "region"),
            model=ContactRequest,
        ),
        "candidature": PublicForm(
            url="/annuaire/referencer/",
            valid={
                "structure_name": "Coop Libre Ouest",
                "structure_type": "cooperative",
                "city": "Nantes",
                "website": "https://coop-libre.example.org",
                "summary": "Nous hébergeons des outils libres pour les associations.",
                "offerings": str(Offering.objects.get(slug="hebergement").pk),
                "regions": str(Region.objects.get(slug="pays-de-la-loire").pk),
                "contact_name": "Alex Durand",
                "contact_email": "alex@coop-libre.example.org",
                "charter_accepted": "on",
                "site_web": "",
            },
            text_fields=("structure_name", "city", "summary", "contact_name"),
            strict_fields=("website", "contact_email", "structure_type"),
            model=ProviderApplication,
        ),
        "inscription": PublicForm(
            url=webinar.registration_url,
            valid={
                "name": "Camille Martin",
                "email": "camille@example.org",
                "organisation": "Les Jardins partagés",
                "consent": "on",
                "site_web": "",
            },
            text_fields=("name", "organisation"),
            strict_fields=("email",),
            model=Registration,
        ),
    }


def emails():
    return OutgoingEmail.objects.count() + len(mail.outbox)


def error_messages(response):
    """The messages of the page's error summary, as a reader sees them."""
    html = response.content.decode()
    summary = re.search(r'role="alert".*?</ul>', html, re.S)
    assert summary, "pas de résumé des erreurs"
    items = re.findall(r"<li>(.*?)</li>", summary.group(0), re.S)
    return [unescape(re.sub(r"<[^>]+>", "", item)) for item in items]


def assert_refused_in_french(response, form, before, field=None):
    assert response.status_code == 200
    messages = error_messages(response)
    assert messages
    for message in messages:
        assert any(fragment in message for fragment in FRENCH_REFUSALS), message
    if field:
        assert f'href="#id_{field}' in response.content.decode()
    assert form.stored() == before
    assert emails() == 0


FIELDS = {
    "contact": ("association_name", "person_name", "message", "email", "region"),
    "candidature": (
        "structure_name",
        "city",
        "summary",
        "contact_name",
        "website",
        "contact_email",
        "structure_type",
    ),
    "inscription": ("name", "organisation", "email"),
}
CASES = [
    (name, field, hostile)
    for name, fields in FIELDS.items()
    for field in fields
    for hostile in HOSTILE
]


@pytest.mark.parametrize(("name", "field", "hostile"), CASES)
def test_hostile_values_are_refused_or_stored_as_typed(client, forms, name, field, hostile):
    form = forms[name]
    value = HOSTILE[hostile](form.valid[field])
    before = form.stored()
    response = client.post(form.url, {**form.valid, field: value})
    assert response.status_code < 500
    if hostile == "SQL" and field in form.text_fields:
        assert response.status_code == 302
        assert form.stored() == before + 1
        assert getattr(form.model.objects.get(), field) == value
    else:
        assert_refused_in_french(response, form, before, field)


@pytest.mark.parametrize("name", ["contact", "candidature", "inscription"])
def test_invalid_utf8_is_refused_rather_than_stored_garbled(client, forms, name):
    form = forms[name]
    field = form.text_fields[0]
    body = "&".join(
        f"{quote(key)}={quote(value)}" + ("%E9%FF" if key == field else "")
        for key, value in form.valid.items()
    )
    before = form.stored()
    response = client.post(form.url, body, content_type="application/x-www-form-urlencoded")
    assert_refused_in_french(response, form, before, field)
    assert "n'ont pas pu être lus" in " ".join(error_messages(response))


@pytest.mark.parametrize("name", ["contact", "candidature", "inscription"])
def test_a_repeated_field_counts_once_with_its_last_value(client, forms, name):
    form = forms[name]
    email_field = "contact_email" if name == "candidature" else "email"
    data = {**form.valid, email_field: ["premier@example.org", "dernier@example.org"]}
    response = client.post(form.url, data)
    assert response.status_code == 302
    assert list(form.model.objects.values_list(email_field, flat=True)) == ["dernier@example.org"]
    assert "premier@example.org" not in str(list(OutgoingEmail.objects.values_list("to")))


@pytest.mark.parametrize("name", ["contact", "candidature", "inscription"])
def test_a_repeated_honeypot_still_stops_the_robot(client, forms, name):
    form = forms[name]
    before = form.stored()
    response = client.post(form.url, {**form.valid, "site_web": ["", "https://spam.example"]})
    assert response.status_code == 200
    assert "Votre envoi a été bloqué" in unescape(response.content.decode())
    assert form.stored() == before
    assert emails() == 0


def test_unknown_fields_cannot_set_what_the_form_does_not_offer(client, forms, home_page):
    other_provider = ProviderPageFactory(parent=home_page.get_children().first())
    extra = {
        "status": "confirmed",
        "confirmed_at": "2020-01-01T00:00:00Z",
        "provider": str(other_provider.pk),
        "webinar": "999999",
        "is_staff": "1",
        "rejection_reason": "<script>",
        "champ_inconnu": "x" * 10_000,
    }
    for form in forms.values():
        assert client.post(form.url, {**form.valid, **extra}).status_code == 302
    contact = ContactRequest.objects.get()
    assert contact.provider.slug == "les-libristes"
    application = ProviderApplication.objects.get()
    assert (application.status, application.rejection_reason) == ("pending", "")
    registration = Registration.objects.get()
    assert (registration.status, registration.confirmed_at) == ("pending", None)
    assert registration.webinar.slug == "zoom"


@pytest.mark.parametrize("name", ["contact", "candidature", "inscription"])
def test_a_post_without_csrf_token_is_refused_in_french(forms, name):
    form = forms[name]
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(form.url, form.valid)
    assert response.status_code == 403
    page = unescape(response.content.decode())
    assert "Votre envoi n'a pas pu être vérifié" in page
    assert "Rien n'a été enregistré" in page
    assert form.stored() == 0
    assert emails() == 0


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
@pytest.mark.parametrize("name", ["contact", "candidature", "inscription"])
def test_other_methods_are_refused_in_french(client, forms, name, method):
    form = forms[name]
    response = getattr(client, method)(form.url, form.valid)
    assert response.status_code == 405
    assert "seulement à afficher un formulaire et à l'envoyer" in response.content.decode()
    assert form.stored() == 0
    assert emails() == 0


@pytest.fixture
def links(forms):
    """A pending request and a confirmed registration, with their links."""
    webinar = WebinarPage.objects.get(slug="zoom")
    pending = RegistrationFactory(
        webinar=webinar, status="pending", confirmed_at=None, emailed_at=timezone.now()
    )
    confirmed = RegistrationFactory(webinar=webinar)
    return {
        "confirmation": f"{webinar.url}confirmation/{confirmation_token(pending)}/",
        "annulation": f"{webinar.url}annulation/{cancel_token(confirmed)}/",
        "webinar_url": webinar.url,
    }


HOSTILE_TOKENS = [
    "A" * 10_000,
    "éàü-ö",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "'%20OR%20'1'='1",
    "abc%00def",
    "%FF%FE",
]


@pytest.mark.parametrize("route", ["confirmation", "annulation"])
@pytest.mark.parametrize("token", HOSTILE_TOKENS)
def test_hostile_link_tokens_are_refused_without_error(client, links, route, token):
    for method in ("get", "post"):
        response = getattr(client, method)(f"{links['webinar_url']}{route}/{token}/")
        assert response.status_code in (400, 404), response.status_code
        page = unescape(response.content.decode())
        assert "n'est pas valide" in page or "Page introuvable" in page
    assert set(Registration.objects.values_list("status", flat=True)) == {"pending", "confirmed"}
    assert emails() == 0


@pytest.mark.parametrize("route", ["confirmation", "annulation"])
def test_link_pages_ignore_what_is_posted_and_refuse_other_methods(client, links, route):
    url = links[route]
    for method in ("put", "patch", "delete"):
        assert getattr(client, method)(url).status_code == 405
    hostile = {"status": "confirmed", "name": "<script>", "x": "a" * 10_000, "nul": "\x00"}
    assert client.post(url, hostile).status_code == 200
    statuses = set(Registration.objects.values_list("status", flat=True))
    assert statuses == ({"confirmed"} if route == "confirmation" else {"pending", "cancelled"})


@pytest.mark.parametrize("route", ["confirmation", "annulation"])
def test_link_pages_refuse_a_post_without_csrf_token(links, route):
    response = Client(enforce_csrf_checks=True).post(links[route])
    assert response.status_code == 403
    assert "Votre envoi n'a pas pu être vérifié" in unescape(response.content.decode())
    assert set(Registration.objects.values_list("status", flat=True)) == {"pending", "confirmed"}
    assert emails() == 0
