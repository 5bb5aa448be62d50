"""An address given for one message only ("send me this plan") is erased once it is used."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from outbox.mail import queue_email
from outbox.models import OutgoingEmail

FAILING = "tests.outbox.failing_backend.UnreachableSMTPBackend"
ADDRESS = "une-fois@asso.example.org"


@pytest.mark.django_db
def test_the_address_is_erased_once_the_message_is_sent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_email([ADDRESS], "Votre plan", "Le plan", forget_recipients=True)
    assert mail.outbox[0].to == [ADDRESS]
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.to == []
    assert email.reply_to == []
    assert not OutgoingEmail.objects.filter(to__icontains="une-fois").exists()


@pytest.mark.django_db
def test_the_address_stays_until_the_message_is_sent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        email = queue_email([ADDRESS], "Votre plan", "Le plan", forget_recipients=True)
    email.refresh_from_db()
    assert email.to == [ADDRESS]


@pytest.mark.django_db
def test_other_messages_keep_their_recipients(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_email([ADDRESS], "Inscription", "Texte")
    email.refresh_from_db()
    assert email.to == [ADDRESS]


@pytest.mark.django_db
def test_a_given_up_message_forgets_its_address_and_its_error_quotes_none(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = FAILING
    settings.OUTBOX_RETRY_PERIOD = timedelta(0)  # given up at the first failure
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_email([ADDRESS], "Votre plan", "Le plan", forget_recipients=True)
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED
    assert email.to == []
    assert email.last_error == "ConnectionRefusedError"

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        call_command("requeue_emails", "--failed", stdout=io.StringIO())
    assert mail.outbox == []
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED
