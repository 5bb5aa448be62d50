"""What `requeue_emails` takes back after a fault, and what it leaves alone."""

import io
import logging
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from outbox.mail import queue_email
from outbox.models import OutgoingEmail
from outbox.recovery import INTERRUPTED_ONCE, INTERRUPTED_TWICE
from tests.outbox import observing_backend

pytestmark = pytest.mark.django_db


def requeue(capture):
    with capture(execute=True):
        call_command("requeue_emails", stdout=io.StringIO())


def stuck_in_sending(minutes_ago):
    """A message a worker claimed `minutes_ago`, then died before recording the result."""
    email = queue_email(["asso@example.org"], "Objet", "Texte")
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=OutgoingEmail.Status.SENDING,
        claimed_at=timezone.now() - timedelta(minutes=minutes_ago),
        attempts=1,
    )
    return email


def test_an_interrupted_send_is_retried_once_with_the_same_message_id(
    outbox_backend, django_capture_on_commit_callbacks
):
    email = stuck_in_sending(minutes_ago=11)
    requeue(django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.message()["Message-ID"] == email.message_id
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.interrupted_sends == 1


def test_a_second_interruption_marks_it_failed_instead_of_a_third_send(
    outbox_backend, caplog, django_capture_on_commit_callbacks
):
    email = stuck_in_sending(minutes_ago=11)
    OutgoingEmail.objects.filter(pk=email.pk).update(
        interrupted_sends=1, last_error=INTERRUPTED_ONCE
    )
    requeue(django_capture_on_commit_callbacks)
    assert mail.outbox == []
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED
    assert email.last_error == INTERRUPTED_TWICE
    assert any(
        r.levelno == logging.ERROR and f"Courriel {email.pk} abandonné" in r.getMessage()
        for r in caplog.records
    )


def test_a_send_still_in_progress_is_left_alone(outbox_backend, django_capture_on_commit_callbacks):
    email = stuck_in_sending(minutes_ago=2)
    requeue(django_capture_on_commit_callbacks)
    assert mail.outbox == []
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENDING
    assert email.interrupted_sends == 0


def lost(minutes_ago):
    """A pending message whose task never reached the queue (on-commit enqueue not run)."""
    email = queue_email(["asso@example.org"], f"Perdu il y a {minutes_ago} min", "Texte")
    OutgoingEmail.objects.filter(pk=email.pk).update(
        queued_at=timezone.now() - timedelta(minutes=minutes_ago)
    )
    return email


def test_a_pending_message_whose_task_was_lost_is_requeued(
    outbox_backend, django_capture_on_commit_callbacks
):
    old, recent = lost(minutes_ago=11), lost(minutes_ago=3)
    requeue(django_capture_on_commit_callbacks)
    assert [m.subject for m in mail.outbox] == [old.subject]
    recent.refresh_from_db()
    assert recent.status == OutgoingEmail.Status.PENDING


def test_a_message_whose_task_still_waits_in_the_queue_is_not_enqueued_twice(
    outbox_backend, django_capture_on_commit_callbacks
):
    outbox_backend.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_email(["asso@example.org"], "Objet", "Texte")  # a task waits for it
    OutgoingEmail.objects.filter(pk=email.pk).update(
        queued_at=timezone.now() - timedelta(minutes=30)
    )
    requeue(django_capture_on_commit_callbacks)
    assert DBTaskResult.objects.count() == 1

    DBTaskResult.objects.update(status=TaskResultStatus.RUNNING)  # its worker died: lost
    requeue(django_capture_on_commit_callbacks)
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1
    email.refresh_from_db()
    assert email.task_id == str(DBTaskResult.objects.get(status=TaskResultStatus.READY).pk)


@pytest.mark.django_db(transaction=True)
def test_the_smtp_conversation_happens_outside_any_transaction_after_the_claim_commits(
    outbox_backend,
):
    outbox_backend.OUTBOX_DELIVERY_BACKEND = "tests.outbox.observing_backend.ObservingBackend"
    observing_backend.seen.clear()
    email = queue_email(["asso@example.org"], "Objet", "Texte")  # autocommit: enqueued at once
    assert observing_backend.seen == [{"in_transaction": False, "statuses": ["sending"]}]
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
