"""The "Courriels sortants" list: read-only, addresses as text, bodies with their line breaks;
and the dashboard panel that tells moderators and administrators an e-mail was given up."""

import html

import pytest
from django.contrib.auth.models import Group

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
    assert '["' not in page.split('<main', 1)[1]
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
    assert "« Votre plan » — asso@example.org" in page
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
