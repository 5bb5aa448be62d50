"""Under a result: asking 1 to 3 matched providers for help, and the plan by e-mail once.

Hostile posts (too many providers, one not matched, a draft, no consent, no CSRF token, no
answers) change nothing: no request stored, no e-mail queued.
"""

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client

from catalogue.models import Category, ProprietaryService
from directory.models import ContactRequest
from home.demo_tools import ensure_home_page
from outbox.models import OutgoingEmail
from tests.factories.catalogue import (
    CategoryFactory,
    FreeAlternativeFactory,
    ProprietaryServiceFactory,
)
from tests.factories.diagnostic import DiagnosticPageFactory
from tests.factories.directory import DirectoryIndexPageFactory, ProviderPageFactory
from tests.helpers import shared_test_data, without_index_updates

QUERY = "?outils=gmail&departement=distance&souhaits=formation"
ASK = "/passer-au-libre/demander-de-l-aide/"
SEND_PLAN = "/passer-au-libre/envoyer/"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def providers(django_db_setup, django_db_blocker):
    """Four remote providers that host Gmail's alternative and train; a draft; one that is
    full; one that works only in Brittany (not matched for a remote association). Built once
    for the module: what a test stores or sends is rolled back after it."""
    with shared_test_data(django_db_blocker), without_index_updates():
        yield build_providers()


def build_providers():
    home_page = ensure_home_page()
    DiagnosticPageFactory(parent=home_page)
    category = CategoryFactory(name="Messagerie", slug="messagerie")
    gmail = ProprietaryServiceFactory(name="Gmail", slug="gmail", category=category)
    webmail = FreeAlternativeFactory(name="Webmail libre", category=category, replaces=[gmail])
    directory = DirectoryIndexPageFactory(parent=home_page)

    def provider(title, **kwargs):
        slug = title.lower().replace(" ", "-")
        defaults = {
            "remote": True,
            "offerings": ["formation-utilisateurs"],
            "tools": [webmail],
            "contact_email": f"contact@{slug}.example.org",
        }
        defaults.update(kwargs)
        return ProviderPageFactory(parent=directory, title=title, slug=slug, **defaults)

    matched = [provider(f"Structure {letter}") for letter in "ABCD"]
    draft = provider("Brouillon")
    draft.unpublish()
    full = provider("Complete", accepting_new_associations=False)
    elsewhere = provider("Bretonne", remote=False, regions=["bretagne"])
    return {"matched": matched, "draft": draft, "full": full, "elsewhere": elsewhere}


def ask(client, providers, **overrides):
    data = {
        "reponses": QUERY,
        "providers": [provider.pk for provider in providers],
        "association_name": "Les Amis du Jardin",
        "email": "camille@jardin.example.org",
        "message": "Nous voulons quitter Gmail avant l'été.",
        "consent": "on",
        "site_web": "",
    }
    data.update(overrides)
    return client.post(ASK, data)


def nothing_changed():
    return ContactRequest.objects.count() == 0 and OutgoingEmail.objects.count() == 0


def test_the_result_offers_the_matched_providers_none_ticked(client, providers):
    html = client.get("/passer-au-libre/" + QUERY).content.decode()
    assert 'action="/passer-au-libre/demander-de-l-aide/#demander-de-l-aide"' in html
    assert 'action="/passer-au-libre/envoyer/#recevoir-le-plan"' in html
    for provider in providers["matched"]:
        assert f'value="{provider.pk}"' in html
    for other in ("draft", "full", "elsewhere"):
        assert f'name="providers" value="{providers[other].pk}"' not in html
    assert "checked" not in html.split('id="demander-de-l-aide"')[1].split("</form>")[0]
    assert "trois au plus" in html
    assert "effaçons dès que le courriel est parti" in html


def test_a_request_to_two_providers_is_stored_sent_and_confirmed(
    client, providers, django_capture_on_commit_callbacks
):
    chosen = providers["matched"][:2]
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, chosen)
    assert response.status_code == 302
    stored = ContactRequest.objects.order_by("provider__title")
    assert [r.provider.pk for r in stored] == [p.pk for p in chosen]
    plan = stored[0].plan
    assert ["Outils utilisés", "Gmail"] in plan["summary"]
    assert plan["tools"] == ["Gmail"]
    assert plan["wishes"] == ["formation"]
    assert plan["result_url"].endswith("/passer-au-libre/" + QUERY)
    assert len(mail.outbox) == 3

    page = client.get(response["Location"])
    html = page.content.decode()
    assert (
        "votre demande est enregistrée ; elle part par courriel dans quelques minutes"
        in html.lower()
    )
    assert "Structure A" in html and "Structure B" in html
    assert "Structure C" not in html
    assert f'href="/passer-au-libre/{QUERY.replace("&", "&amp;")}"' in html


def test_a_confirmation_cannot_be_made_up(client, providers):
    response = client.get("/passer-au-libre/demande-envoyee/?d=forged")
    assert response.status_code == 302
    assert response["Location"] == "/passer-au-libre/"


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("four", "Cochez trois structures au plus (vous en avez coché 4)."),
        ("not_matched", "Choisissez parmi les structures proposées pour votre plan"),
        ("draft", "Choisissez parmi les structures proposées pour votre plan"),
        ("full", "Choisissez parmi les structures proposées pour votre plan"),
        ("none", "Cochez au moins une structure."),
        ("no_consent", "Cochez la case pour que les structures puissent vous répondre."),
        ("honeypot", "Votre envoi a été bloqué"),
        ("markup", "sans balise HTML"),
        ("bad_email", "Saisissez une adresse e-mail valide"),
    ],
)
def test_hostile_or_wrong_requests_change_nothing_and_say_why_in_french(
    client, providers, case, message
):
    matched = providers["matched"]
    posts = {
        "four": lambda: ask(client, matched),
        "not_matched": lambda: ask(client, [matched[0], providers["elsewhere"]]),
        "draft": lambda: ask(client, [providers["draft"]]),
        "full": lambda: ask(client, [providers["full"]]),
        "none": lambda: ask(client, []),
        "no_consent": lambda: ask(client, matched[:1], consent=""),
        "honeypot": lambda: ask(client, matched[:1], site_web="http://spam.example.com"),
        "markup": lambda: ask(client, matched[:1], message="<script>alert(1)</script>"),
        "bad_email": lambda: ask(client, matched[:1], email="pas-une-adresse"),
    }
    response = posts[case]()
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "Rien n'a été enregistré ni envoyé" in html
    assert "Qui peut vous aider" in html  # the result is shown again around the form
    assert nothing_changed()


def test_answers_without_a_known_tool_store_nothing(client, providers):
    """The providers offered come from the posted answers: none without a tool."""
    response = ask(client, providers["matched"][:1], reponses="?outils=inconnu")
    assert response.status_code == 400
    assert "Nous n'avons pas retrouvé vos réponses" in response.content.decode()
    assert nothing_changed()


def test_without_csrf_token_nothing_is_stored(providers):
    client = Client(enforce_csrf_checks=True)
    response = ask(client, providers["matched"][:1])
    assert response.status_code == 403
    assert nothing_changed()


def test_too_many_requests_from_one_visitor_are_refused(client, providers, settings):
    settings.PUBLIC_FORM_SUBMISSION_RATE = "1/h"
    assert ask(client, providers["matched"][:1]).status_code == 302
    response = ask(client, providers["matched"][:1])
    assert response.status_code == 429
    assert "réessayez dans" in response.content.decode()
    assert ContactRequest.objects.count() == 1


def test_a_get_on_a_form_address_shows_the_result(client, providers):
    response = client.get(ASK + QUERY)
    assert response.status_code == 302
    assert response["Location"] == "/passer-au-libre/" + QUERY
    assert client.put(ASK).status_code == 405


def test_the_plan_by_email_uses_the_address_once(
    client, providers, django_capture_on_commit_callbacks
):
    FreeAlternativeFactory(
        name="Client de courriel",
        self_hostable=False,
        category=Category.objects.get(slug="messagerie"),
        replaces=[ProprietaryService.objects.get(slug="gmail")],
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            SEND_PLAN, {"reponses": QUERY, "email": "une-fois@asso.example.org", "site_web": ""}
        )
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["une-fois@asso.example.org"]
    assert "- Outils utilisés : Gmail" in message.body
    assert "Webmail libre" in message.body
    assert "- Client de courriel, à installer vous-même" in message.body
    assert "Structure A" in message.body
    assert "/passer-au-libre/imprimer/" in message.body
    assert "<" not in message.body  # names, never a Python object's repr
    email = OutgoingEmail.objects.get()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.to == []
    assert not OutgoingEmail.objects.filter(to__icontains="une-fois").exists()
    assert ContactRequest.objects.count() == 0
    html = client.get(response["Location"]).content.decode()
    assert "Votre adresse est effacée dès qu'il est parti" in html


def test_a_wrong_address_for_the_plan_sends_nothing(client, providers):
    response = client.post(SEND_PLAN, {"reponses": QUERY, "email": "faux", "site_web": ""})
    assert response.status_code == 200
    assert "Saisissez une adresse e-mail valide" in response.content.decode()
    assert nothing_changed()
