"""Django's and Wagtail's own e-mails go through the outbox too: stored, then delivered."""

import base64
import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.management import call_command
from django.urls import reverse

from emancipasso.settings import base
from home.groups import EDITORS, MODERATORS
from outbox.models import OutgoingEmail
from tests.factories.catalogue import CategoryFactory
from tests.factories.guides import GuidePageFactory
from tests.guides.test_moderation import edit_form
from tests.helpers import member_of

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n\x00\xff"


def test_an_email_message_is_stored_whole_then_delivered_unchanged(
    outbox_backend, django_capture_on_commit_callbacks
):
    original = EmailMultiAlternatives(
        "Objet",
        "Ligne un\nLigne deux",
        "Équipe <equipe@example.org>",
        ["a@example.org"],
        cc=["b@example.org"],
        bcc=["c@example.org"],
        reply_to=["r@example.org"],
        headers={"Auto-Submitted": "auto-generated"},
    )
    original.attach_alternative("<p>Ligne un</p>", "text/html")
    original.attach("logo.png", PNG, "image/png")
    with django_capture_on_commit_callbacks(execute=True):
        assert original.send() == 1

    stored = OutgoingEmail.objects.get()
    assert stored.status == OutgoingEmail.Status.SENT
    assert stored.attachments[0]["content"] == base64.b64encode(PNG).decode()
    [sent] = mail.outbox
    assert (sent.from_email, sent.to, sent.cc, sent.bcc, sent.reply_to) == (
        "Équipe <equipe@example.org>",
        ["a@example.org"],
        ["b@example.org"],
        ["c@example.org"],
        ["r@example.org"],
    )
    assert sent.body == "Ligne un\nLigne deux"
    assert sent.alternatives[0][0] == "<p>Ligne un</p>"
    assert sent.attachments[0][1] == PNG
    headers = sent.message()
    assert headers["Auto-Submitted"] == "auto-generated"
    assert headers["Message-ID"] == stored.message_id


def test_a_message_id_given_by_the_sender_is_kept(outbox_backend):
    message = EmailMultiAlternatives(
        "Objet", "Texte", to=["a@example.org"], headers={"Message-ID": "<fixe@example.org>"}
    )
    message.send()
    stored = OutgoingEmail.objects.get()
    assert stored.message_id == "<fixe@example.org>"
    assert stored.headers == {}


def ask_password_reset(client, capture):
    with capture(execute=True):
        response = client.post("/admin/password_reset/", {"email": "editrice@example.org"})
    assert response["Location"] == "/admin/password_reset/done/"


def test_a_wagtail_password_reset_is_stored_then_delivered_and_its_link_erased(
    client, outbox_backend, django_capture_on_commit_callbacks
):
    member_of(EDITORS, "editrice")
    ask_password_reset(client, django_capture_on_commit_callbacks)
    stored = OutgoingEmail.objects.get()
    assert stored.to == ["editrice@example.org"]
    assert stored.status == OutgoingEmail.Status.SENT
    [sent] = mail.outbox
    assert "/admin/password_reset/confirm/" in sent.body
    assert sent.message()["Message-ID"] == stored.message_id
    # The link signs in: once sent, it is no longer in the database.
    assert (stored.body_text, stored.body_html) == ("", "")
    assert stored.subject == sent.subject


def test_a_given_up_password_reset_loses_its_link_and_is_not_resent(
    client, smtp_down, django_capture_on_commit_callbacks
):
    smtp_down.OUTBOX_RETRY_PERIOD = timedelta(0)
    member_of(EDITORS, "editrice")
    ask_password_reset(client, django_capture_on_commit_callbacks)
    stored = OutgoingEmail.objects.get()
    assert stored.status == OutgoingEmail.Status.FAILED
    assert stored.body_text == ""
    smtp_down.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        call_command("requeue_emails", "--failed", stdout=io.StringIO())
    assert mail.outbox == []


def test_a_password_reset_waits_in_the_outbox_while_smtp_is_down(
    client, smtp_down, django_capture_on_commit_callbacks
):
    member_of(EDITORS, "editrice")
    ask_password_reset(client, django_capture_on_commit_callbacks)
    stored = OutgoingEmail.objects.get()
    assert stored.status == OutgoingEmail.Status.PENDING
    assert "Connection refused" in stored.last_error
    assert "/admin/password_reset/confirm/" in stored.body_text
    assert mail.outbox == []


def submit_for_moderation(client, guide_index, capture):
    topic = CategoryFactory()
    guide = GuidePageFactory(parent=guide_index, title="Quitter Zoom", topics=[topic])
    guide.unpublish()
    member_of(MODERATORS, "moderatrice")
    client.force_login(member_of(EDITORS, "editrice"))
    with capture(execute=True):
        client.post(
            reverse("wagtailadmin_pages:edit", args=[guide.pk]),
            edit_form(guide, topic, "action-submit"),
        )


def test_a_wagtail_workflow_notice_is_stored_then_delivered(
    client, guide_index, outbox_backend, django_capture_on_commit_callbacks
):
    submit_for_moderation(client, guide_index, django_capture_on_commit_callbacks)
    stored = OutgoingEmail.objects.get(to=["moderatrice@example.org"])
    assert stored.status == OutgoingEmail.Status.SENT
    assert stored.headers == {"Auto-Submitted": "auto-generated"}
    [sent] = [m for m in mail.outbox if m.to == ["moderatrice@example.org"]]
    assert "Quitter Zoom" in sent.subject
    assert sent.message()["Message-ID"] == stored.message_id


def test_a_workflow_notice_waits_in_the_outbox_while_smtp_is_down(
    client, guide_index, smtp_down, django_capture_on_commit_callbacks
):
    submit_for_moderation(client, guide_index, django_capture_on_commit_callbacks)
    stored = OutgoingEmail.objects.get(to=["moderatrice@example.org"])
    assert stored.status == OutgoingEmail.Status.PENDING
    assert "Quitter Zoom" in stored.subject
    assert mail.outbox == []


def test_the_site_sends_everything_through_the_outbox_and_only_the_task_uses_smtp():
    """Django's test runner replaces EMAIL_BACKEND in django.conf.settings: read the module."""
    assert base.EMAIL_BACKEND == "outbox.backends.OutboxBackend"
    assert base.OUTBOX_DELIVERY_BACKEND != base.EMAIL_BACKEND


def test_fail_silently_is_honoured_when_the_message_cannot_be_stored(outbox_backend):
    """mail_admins and friends pass fail_silently: a broken outbox must not raise for them."""
    unstorable = EmailMultiAlternatives(
        "Objet", "Texte", to=["a@example.org"], headers={"X-Objet": object()}
    )
    unstorable.connection = get_connection(fail_silently=True)
    assert unstorable.send(fail_silently=True) == 0
    assert not OutgoingEmail.objects.exists()  # and the surrounding transaction still works
    unstorable.connection = get_connection()
    with pytest.raises(TypeError):
        unstorable.send()
