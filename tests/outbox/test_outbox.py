import io

import pytest
from django.core import mail
from django.core.management import call_command

from outbox.mail import queue_email
from outbox.models import OutgoingEmail

FAILING = "tests.outbox.failing_backend.UnreachableSMTPBackend"


@pytest.mark.django_db
def test_a_queued_email_is_stored_then_sent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_email(
            ["asso@example.org"],
            "Votre inscription",
            "Bonjour",
            attachments=[
                {"filename": "a.ics", "content": "BEGIN:VCALENDAR", "mimetype": "text/calendar"}
            ],
        )
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attempts == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["asso@example.org"]
    assert mail.outbox[0].attachments[0][0] == "a.ics"


@pytest.mark.django_db
def test_nothing_is_sent_before_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        queue_email(["asso@example.org"], "Objet", "Texte")
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.PENDING
    assert mail.outbox == []
    assert len(callbacks) == 1


@pytest.mark.django_db
def test_smtp_down_keeps_the_message_and_retries_until_giving_up(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = FAILING
    settings.OUTBOX_MAX_ATTEMPTS = 3
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_email(["asso@example.org"], "Objet", "Texte")
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED
    assert email.attempts == 3
    assert "Connection refused" in email.last_error


@pytest.mark.django_db
def test_requeue_sends_given_up_messages_once_smtp_is_back(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = FAILING
    settings.OUTBOX_MAX_ATTEMPTS = 1
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_email(["asso@example.org"], "Objet", "Texte")
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("requeue_emails", "--failed", stdout=out)
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert "1 courriel(s)" in out.getvalue()
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_sent_message_is_never_sent_twice(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_email(["asso@example.org"], "Objet", "Texte")
    from outbox.tasks import deliver_email

    deliver_email.enqueue(email.pk)
    assert len(mail.outbox) == 1
