"""The "Courriels sortants" list: read-only, addresses as text, bodies with their line breaks;
and the dashboard panel that tells moderators and administrators an e-mail was given up."""

import html

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from directory.roles import PROVIDERS_GROUP
from home.demo_tools import ensure_user
from home.groups import EDITORS, MODERATORS
from outbox.mail import queue_email
from outbox.models import OutgoingEmail
from tests.helpers import member_of

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/outbox/outgoingemail/"
BODY = "Bonjour,\n\nVotre inscription est confirmée.\nÀ bientôt."


@pytest.fixture
def admin(client):
    user = ensure_user("admin-courriels", "mot-de-passe", email="a@example.org", superuser=True)
    client.force_login(user)
    return user


@pytest.fixture
def email():
    return queue_email(
        ["asso@example.org", "bureau@example.org"],
        "Votre inscription",
        BODY,
        reply_to=["equipe@example.org"],
    )


def test_the_list_shows_recipients_as_addresses_and_offers_no_add_or_edit(client, admin, email):
    page = html.unescape(client.get(LIST_URL).content.decode())
    assert "asso@example.org, bureau@example.org" in page
    assert '["asso@example.org"' not in page
    assert f"{LIST_URL}inspect/{email.pk}/" in page
    assert f"{LIST_URL}create/" not in page
    assert f"{LIST_URL}edit/{email.pk}/" not in page


def test_the_inspect_view_shows_the_body_with_its_line_breaks_and_plain_addresses(
    client, admin, email
):
    page = html.unescape(client.get(f"{LIST_URL}inspect/{email.pk}/").content.decode())
    assert "Bonjour,<br><br>Votre inscription est confirmée.<br>À bientôt." in page
    assert "asso@example.org, bureau@example.org" in page
    assert "equipe@example.org" in page
    assert '["' not in page.split("<main", 1)[1]
    assert email.message_id in page
    assert f"{LIST_URL}edit/{email.pk}/" not in page


def test_a_body_cannot_inject_markup_into_the_inspect_view(client, admin):
    email = queue_email(["a@example.org"], "Objet", '<script>alert("x")</script>\nsuite')
    page = client.get(f"{LIST_URL}inspect/{email.pk}/").content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>suite" in page
    assert '<script>alert("x")' not in page


def test_no_one_can_add_or_change_a_message_by_url(client, admin, email):
    assert client.get(f"{LIST_URL}create/").status_code in (302, 403)
    assert client.get(f"{LIST_URL}edit/{email.pk}/").status_code in (302, 403)
    client.post(f"{LIST_URL}create/", {"to": '["x@example.org"]', "subject": "Faux"})
    client.post(f"{LIST_URL}edit/{email.pk}/", {"subject": "Changé", "body_text": "Changé"})
    assert list(OutgoingEmail.objects.values_list("subject", "body_text")) == [
        ("Votre inscription", BODY)
    ]


def failed_email(subject="Votre plan"):
    email = queue_email(["asso@example.org"], subject, "Texte")
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=OutgoingEmail.Status.FAILED, last_error="ConnectionRefusedError"
    )
    return email


PANEL = "Courriels non distribués"


def dashboard(client, user):
    client.force_login(user)
    return html.unescape(client.get("/admin/").content.decode())


def test_administrators_see_how_many_emails_failed_and_a_link_to_them(client, admin):
    failed_email("Premier")
    failed_email("Second")
    queue_email(["x@example.org"], "En attente", "Texte")
    page = dashboard(client, admin)
    assert PANEL in page
    assert "2 courriels n'ont pas pu partir" in page
    assert f"{LIST_URL}?status__exact=failed" in page


def test_moderators_see_which_emails_failed_without_the_list_they_cannot_open(client):
    failed_email("Votre plan")
    page = dashboard(client, member_of(MODERATORS, "moderatrice"))
    assert "1 courriel n'a pas pu partir" in page
    assert '<td class="title">Votre plan</td>' in page
    assert "<td>asso@example.org</td>" in page
    assert LIST_URL not in page
    assert client.get(LIST_URL).status_code != 200


@pytest.mark.parametrize("group", [EDITORS, PROVIDERS_GROUP])
def test_editors_and_providers_are_not_told(client, group):
    failed_email()
    assert Group.objects.filter(name=group).exists()
    page = dashboard(client, member_of(group, "membre"))
    assert PANEL not in page
    assert "Votre plan" not in page


def test_no_panel_while_nothing_failed(client, admin):
    queue_email(["x@example.org"], "En attente", "Texte")
    assert PANEL not in dashboard(client, admin)


def test_an_erased_sign_in_link_is_explained_in_the_inspect_view(client, admin):
    email = queue_email(["a@example.org"], "Réinitialisation du mot de passe", "")
    OutgoingEmail.objects.filter(pk=email.pk).update(
        forget_content=True, status=OutgoingEmail.Status.SENT
    )
    page = html.unescape(client.get(f"{LIST_URL}inspect/{email.pk}/").content.decode())
    assert "texte effacé après l'envoi\u00a0: il contenait un lien de connexion personnel" in page


def resend_url(email):
    return f"{LIST_URL}renvoyer/{email.pk}/"


def test_an_administrator_resends_a_failed_email_from_its_page(
    client, admin, outbox_backend, django_capture_on_commit_callbacks
):
    email = failed_email("Votre plan")
    page = client.get(f"{LIST_URL}inspect/{email.pk}/").content.decode()
    assert f'action="{resend_url(email)}"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(resend_url(email), follow=True)
    assert "est remis en file d'attente" in html.unescape(response.content.decode())
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert [m.subject for m in mail.outbox] == ["Votre plan"]


def test_resending_needs_a_post_and_a_failed_message_that_kept_its_text(
    client, admin, outbox_backend, django_capture_on_commit_callbacks
):
    email = failed_email()
    with django_capture_on_commit_callbacks(execute=True):
        client.get(resend_url(email))
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED

    sent = queue_email(["a@example.org"], "Déjà parti", "Texte")
    OutgoingEmail.objects.filter(pk=sent.pk).update(status=OutgoingEmail.Status.SENT)
    assert (
        'action="' + resend_url(sent)
        not in client.get(f"{LIST_URL}inspect/{sent.pk}/").content.decode()
    )
    erased = failed_email("Réinitialisation du mot de passe")
    OutgoingEmail.objects.filter(pk=erased.pk).update(forget_content=True, body_text="")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(resend_url(sent))
        response = client.post(resend_url(erased), follow=True)
    assert "ne peut pas être renvoyé" in html.unescape(response.content.decode())
    assert mail.outbox == []
    assert OutgoingEmail.objects.get(pk=erased.pk).status == OutgoingEmail.Status.FAILED


@pytest.mark.parametrize("group", [MODERATORS, EDITORS, PROVIDERS_GROUP, None])
def test_only_those_who_open_the_list_can_resend(
    client, group, outbox_backend, django_capture_on_commit_callbacks
):
    email = failed_email()
    if group:
        client.force_login(member_of(group, "membre"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(resend_url(email))
    assert response.status_code in (302, 403)
    assert mail.outbox == []
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.FAILED
