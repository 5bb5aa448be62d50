"""Requests for support: one per provider with the plan, a copy to the association, the
provider marks its own requests answered, moderators follow who answers."""

import csv
import io

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from directory.contact import send_support_request
from directory.models import ContactRequest
from directory.permissions import grant_provider_access
from home.demo_tools import ensure_user
from home.groups import EDITORS, MODERATORS
from outbox.models import OutgoingEmail
from tests.factories.directory import ContactRequestFactory, ProviderPageFactory
from tests.helpers import PASSWORD

PLAN = {
    "summary": [
        ["Outils utilisés", "Gmail, WhatsApp"],
        ["Où", "Finistère (29), Bretagne"],
        ["Moyens", "Un petit budget"],
    ],
    "tools": ["Gmail", "WhatsApp"],
    "area": "Finistère (29), Bretagne",
    "size": "benevoles",
    "means": "petit",
    "wishes": ["formation"],
    "result_url": "https://hub.example.org/passer-au-libre/?outils=gmail&departement=29",
}


@pytest.fixture
def providers(directory):
    return [
        ProviderPageFactory(
            parent=directory,
            title=title,
            slug=slug,
            contact_email=f"contact@{slug}.example.org",
        )
        for title, slug in [("Les Libristes", "les-libristes"), ("Coop du Nord", "coop-du-nord")]
    ]


def provider_account(page, username):
    user = ensure_user(username, PASSWORD, email=f"{username}@example.org")
    grant_provider_access(user, page)
    return user


def send(providers, **overrides):
    arguments = {
        "association_name": "Les Amis du Jardin",
        "email": "camille@jardin.example.org",
        "message": "Nous voulons quitter Gmail avant l'été.",
        "plan": PLAN,
    }
    arguments.update(overrides)
    return send_support_request(providers, **arguments)


def test_one_request_per_provider_each_emailed_with_the_plan_and_a_copy_to_the_association(
    providers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        requests = send(providers)
    assert ContactRequest.objects.count() == 2
    assert {r.provider.pk for r in requests} == {p.pk for p in providers}
    assert all(r.plan == PLAN and r.consent and r.answered_at is None for r in requests)
    assert {r.email_message.status for r in ContactRequest.objects.all()} == {
        OutgoingEmail.Status.SENT
    }
    to_providers = {tuple(m.to): m for m in mail.outbox}
    assert set(to_providers) == {
        ("contact@les-libristes.example.org",),
        ("contact@coop-du-nord.example.org",),
        ("camille@jardin.example.org",),
    }
    message = to_providers[("contact@les-libristes.example.org",)]
    assert message.reply_to == ["camille@jardin.example.org"]
    assert "Demande d'accompagnement de Les Amis du Jardin" in message.subject
    assert "- Outils utilisés : Gmail, WhatsApp" in message.body
    assert "- Où : Finistère (29), Bretagne" in message.body
    assert PLAN["result_url"] in message.body
    assert "la même demande à une autre structure" in message.body
    copy = to_providers[("camille@jardin.example.org",)]
    assert "- Les Libristes" in copy.body and "- Coop du Nord" in copy.body
    assert "- Moyens : Un petit budget" in copy.body
    assert "Rien d'autre" in copy.body
    assert "contact@" not in copy.body  # the providers' addresses stay private


def test_nothing_is_kept_when_one_email_cannot_be_stored(providers, monkeypatch):
    """One transaction: a failure on the copy leaves no request behind."""

    def broken(*args, **kwargs):
        raise RuntimeError("stockage impossible")

    send(providers[:1])
    monkeypatch.setattr("directory.contact.queue_templated_email", broken)
    with pytest.raises(RuntimeError):
        send(providers)
    assert ContactRequest.objects.count() == 1


def test_a_plan_is_read_defensively():
    request = ContactRequest(
        plan={"summary": [["Où", "Brest"], "cassé", [1]], "result_url": "javascript:alert(1)"}
    )
    assert request.plan_rows == [("Où", "Brest")]
    assert request.plan_result_url == ""
    assert ContactRequest(plan=["pas un dict"]).plan_rows == []


def test_the_provider_reads_the_plan_laid_out_not_as_json(client, providers):
    [request, _] = send(providers)
    client.force_login(provider_account(providers[0], "libristes"))
    html = client.get(f"/admin/directory/contactrequest/inspect/{request.pk}/").content.decode()
    assert "Le plan de l'association" in html
    assert "<dt>Outils utilisés</dt>" in html
    assert "<dd>Gmail, WhatsApp</dd>" in html
    assert f'href="{PLAN["result_url"].replace("&", "&amp;")}"' in html
    assert "{&quot;" not in html and '{"summary"' not in html
    assert "Marquer comme répondue" in html


def test_the_request_says_yes_or_no_in_words(client, providers):
    [request, _] = send(providers)
    client.force_login(provider_account(providers[0], "libristes"))
    html = client.get(f"/admin/directory/contactrequest/inspect/{request.pk}/").content.decode()
    consent = html.split("accepte d&#x27;être recontactée", 1)[1][:200]
    assert "Oui" in consent and "True" not in consent


def test_a_provider_marks_its_request_answered_then_not(client, providers):
    [request, _] = send(providers)
    client.force_login(provider_account(providers[0], "libristes"))
    url = f"/admin/directory/contactrequest/{request.pk}/repondue/"
    response = client.post(url, {"answered": "1"})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.answered_at is not None
    html = client.get(response["Location"]).content.decode()
    assert "Marquer comme non répondue" in html
    client.post(url, {"answered": "0"})
    request.refresh_from_db()
    assert request.answered_at is None


def test_a_provider_cannot_mark_another_providers_request(client, providers):
    [_, others] = send(providers)
    client.force_login(provider_account(providers[0], "libristes"))
    response = client.post(
        f"/admin/directory/contactrequest/{others.pk}/repondue/", {"answered": "1"}
    )
    assert response.status_code == 404
    others.refresh_from_db()
    assert others.answered_at is None


def test_marking_answered_takes_a_post_with_its_csrf_token(providers):
    [request, _] = send(providers)
    client = Client(enforce_csrf_checks=True)
    client.force_login(provider_account(providers[0], "libristes"))
    url = f"/admin/directory/contactrequest/{request.pk}/repondue/"
    assert client.get(url).status_code == 405
    assert client.post(url, {"answered": "1"}).status_code == 403
    request.refresh_from_db()
    assert request.answered_at is None


def test_anonymous_visitors_are_sent_to_the_login(client, providers):
    [request, _] = send(providers)
    response = client.post(
        f"/admin/directory/contactrequest/{request.pk}/repondue/", {"answered": "1"}
    )
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    request.refresh_from_db()
    assert request.answered_at is None


FOLLOW_UP = "/admin/annuaire/suivi-des-demandes/"


def csv_rows(response):
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body)))


def test_moderators_see_who_received_and_answered_requests(client, providers, log_in_as):
    answered, _ = send(providers)
    send(providers[1:])
    ContactRequest.objects.filter(pk=answered.pk).update(answered_at=timezone.now())
    old = ContactRequestFactory(provider=providers[0])
    ContactRequest.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timezone.timedelta(days=400)
    )
    log_in_as(MODERATORS)
    assert "Suivi des demandes" in client.get("/admin/").content.decode()  # in its menu
    response = client.get(FOLLOW_UP)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Suivi des demandes" in html
    # Coop du Nord: two received, none answered, listed first; the old request is not counted.
    assert html.index("Coop du Nord") < html.index("Les Libristes")

    rows = csv_rows(client.get(FOLLOW_UP + "?export=csv"))
    assert rows[0] == [
        "Prestataire",
        "Demandes reçues",
        "Demandes d'accompagnement",
        "Marquées répondues",
        "Sans réponse",
    ]
    assert ["Coop du Nord", "2", "2", "0", "2"] in rows
    assert ["Les Libristes", "1", "1", "1", "0"] in rows


def test_the_follow_up_export_is_formula_safe(client, directory, log_in_as):
    ProviderPageFactory(parent=directory, title='=HYPERLINK("http://x")', slug="piege")
    log_in_as(MODERATORS)
    rows = csv_rows(client.get(FOLLOW_UP + "?export=csv"))
    assert ['\'=HYPERLINK("http://x")', "0", "0", "0", "0"] in rows


def test_providers_and_editors_cannot_open_the_follow_up(client, providers, log_in_as):
    client.force_login(provider_account(providers[0], "libristes"))
    assert client.get(FOLLOW_UP).status_code in (302, 403)
    assert client.get(FOLLOW_UP + "?export=csv").status_code in (302, 403)
    log_in_as(EDITORS)
    assert client.get(FOLLOW_UP).status_code in (302, 403)
    assert "Suivi des demandes" not in client.get("/admin/").content.decode()
