"""The hub's own e-mails: stored, delivered by the task queue, retried for a period."""

import io
import logging
from contextlib import contextmanager
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from outbox.mail import queue_email
from outbox.models import OutgoingEmail
from outbox.tasks import deliver_email

pytestmark = pytest.mark.django_db


@contextmanager
def at(moment, capture_on_commit_callbacks):
    """At a fixed moment, with on-commit callbacks (task enqueues) run at the end."""
    with time_machine.travel(moment, tick=False), capture_on_commit_callbacks(execute=True):
        yield


def requeue(*args):
    out = io.StringIO()
    call_command("requeue_emails", *args, stdout=out)
    return out.getvalue()


def test_a_queued_email_is_stored_then_sent_with_its_message_id(
    outbox_backend, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_email(
            ["asso@example.org"],
            "Votre inscription",
            "Bonjour",
            reply_to=["equipe@example.org"],
            attachments=[
                {"filename": "a.ics", "content": "BEGIN:VCALENDAR", "mimetype": "text/calendar"}
            ],
        )
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attempts == 1
    assert email.claimed_at is None
    [message] = mail.outbox
    assert message.to == ["asso@example.org"]
    assert message.reply_to == ["equipe@example.org"]
    assert message.from_email == "Emancip'Asso <contact@example.org>"
    assert message.attachments[0][0] == "a.ics"
    assert email.message_id.startswith("<") and email.message_id.endswith("@example.org>")
    assert message.message()["Message-ID"] == email.message_id


def test_every_message_has_its_own_message_id(outbox_backend):
    first = queue_email(["a@example.org"], "Un", "Texte")
    second = queue_email(["a@example.org"], "Deux", "Texte")
    assert first.message_id != second.message_id


def test_nothing_is_sent_before_the_transaction_commits(
    outbox_backend, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        queue_email(["asso@example.org"], "Objet", "Texte")
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.PENDING
    assert mail.outbox == []
    assert len(callbacks) == 1


def test_smtp_down_retries_with_back_off_for_48_hours_then_gives_up_and_says_so(
    smtp_down, caplog, django_capture_on_commit_callbacks
):
    """The old limit gave up after 6 attempts, about 31 minutes; the period is what counts."""
    start = timezone.now()
    with at(start, django_capture_on_commit_callbacks):
        email = queue_email(["asso@example.org"], "Objet", "Texte")
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.PENDING
    assert email.next_attempt_at == start + timedelta(minutes=1)
    assert "Connection refused" in email.last_error

    # The scheduled command takes the retries a queue that cannot wait (the tests' immediate
    # queue) leaves to it; here once an hour, the back-off's longest delay.
    for minutes in range(60, 47 * 60 + 1, 60):
        with at(start + timedelta(minutes=minutes), django_capture_on_commit_callbacks):
            requeue()
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.PENDING
    assert email.attempts > 6  # the old limit: 6 attempts
    assert email.next_attempt_at <= start + timedelta(hours=48)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]

    with at(start + timedelta(hours=48, minutes=11), django_capture_on_commit_callbacks):
        requeue()
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED
    assert email.to == ["asso@example.org"]  # kept, for a person to act on
    [error] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert f"Courriel {email.pk} abandonné" in error.getMessage()
    assert mail.outbox == []


def test_a_queue_that_can_wait_gets_the_retry_after_the_back_off_delay(
    smtp_down, django_capture_on_commit_callbacks
):
    smtp_down.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    email = queue_email(["asso@example.org"], "Objet", "Texte")
    now = timezone.now()
    with at(now, django_capture_on_commit_callbacks):
        deliver_email.call(email.pk)  # the first attempt, as a worker runs it
    [retry] = deliver_email.get_backend().results
    assert retry.task.run_after == now + timedelta(minutes=1)
    email.refresh_from_db()
    assert email.task_id == retry.id


def test_requeue_sends_given_up_messages_once_smtp_is_back(
    smtp_down, django_capture_on_commit_callbacks
):
    smtp_down.OUTBOX_RETRY_PERIOD = timedelta(0)
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_email(["asso@example.org"], "Objet", "Texte")
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED

    smtp_down.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        out = requeue("--failed")
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert "1 courriel(s)" in out
    assert len(mail.outbox) == 1


def test_a_sent_message_is_never_sent_twice(outbox_backend, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_email(["asso@example.org"], "Objet", "Texte")
    deliver_email.enqueue(email.pk)
    assert len(mail.outbox) == 1


def test_a_message_another_worker_is_sending_is_not_sent_again(outbox_backend):
    email = queue_email(["asso@example.org"], "Objet", "Texte")
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=OutgoingEmail.Status.SENDING, claimed_at=timezone.now()
    )
    deliver_email.enqueue(email.pk)
    assert mail.outbox == []
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENDING
