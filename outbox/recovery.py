"""What `requeue_emails` takes back: lost tasks, interrupted sends, and (on request) failures.

- Pending and due for OUTBOX_REQUEUE_AFTER, with no task waiting for it: its task was lost
  (queue unreachable at commit, worker killed before the claim, queue that cannot defer).
- "Sending" for longer than OUTBOX_SENDING_TIMEOUT: the worker died during the SMTP
  conversation, so the message may have gone. It is sent again once, with the same
  Message-ID; if that send is interrupted too, the message is marked failed, not resent.
"""

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist

from outbox.models import OutgoingEmail
from outbox.tasks import deliver_email, enqueue_delivery, give_up

INTERRUPTED_ONCE = (
    "Envoi interrompu (le processus d'envoi s'est arrêté pendant l'échange avec le "
    "serveur) : il est peut-être parti ; renvoyé une fois avec le même Message-ID."
)
INTERRUPTED_TWICE = (
    "Envoi interrompu deux fois : le courriel est peut-être parti ; pas de nouvel essai "
    "automatique, pour ne pas l'envoyer une troisième fois."
)


def task_is_waiting(task_id):
    """True when the queue still holds this task, ready to run; False if unknown or gone."""
    backend = deliver_email.get_backend()
    if not task_id or not backend.supports_get_result:
        return False
    try:
        return backend.get_result(task_id).status == TaskResultStatus.READY
    except TaskResultDoesNotExist:
        return False


def requeue_lost():
    """Enqueue again the pending messages whose task disappeared; return how many."""
    due_before = timezone.now() - settings.OUTBOX_REQUEUE_AFTER
    stale = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING).filter(
        Q(next_attempt_at__lt=due_before)
        | Q(next_attempt_at__isnull=True, queued_at__lt=due_before)
    )
    count = 0
    for email in stale:
        if not task_is_waiting(email.task_id):
            enqueue_delivery(email)
            count += 1
    return count


def recover_interrupted():
    """Take back the messages a dead worker left "sending"; return (resent, given up)."""
    cutoff = timezone.now() - settings.OUTBOX_SENDING_TIMEOUT
    resent = given_up = 0
    for email in OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.SENDING, claimed_at__lt=cutoff
    ):
        ours = {"status": OutgoingEmail.Status.SENDING, "claimed_at": email.claimed_at}
        if email.interrupted_sends:
            given_up += give_up(email, INTERRUPTED_TWICE, **ours)
            continue
        if OutgoingEmail.objects.filter(pk=email.pk, **ours).update(
            status=OutgoingEmail.Status.PENDING,
            interrupted_sends=1,
            claimed_at=None,
            next_attempt_at=timezone.now(),
            last_error=INTERRUPTED_ONCE,
        ):
            enqueue_delivery(email)
            resent += 1
    return resent, given_up


def can_be_resent(email):
    """Failed, with its text and an address: neither was erased after its last try."""
    return (
        email.status == OutgoingEmail.Status.FAILED
        and not email.forget_content
        and bool(email.to or email.cc or email.bcc)
    )


def resend_failed(email):
    """Give an abandoned message a new retry period; False if it cannot be resent."""
    if not can_be_resent(email):
        return False
    requeued = OutgoingEmail.objects.filter(pk=email.pk, status=OutgoingEmail.Status.FAILED).update(
        status=OutgoingEmail.Status.PENDING,
        attempts=0,
        interrupted_sends=0,
        queued_at=timezone.now(),
        next_attempt_at=timezone.now(),
    )
    if requeued:
        enqueue_delivery(email)
    return bool(requeued)


def requeue_failed():
    """Give every abandoned message that can be resent a new retry period; return how many."""
    failed = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED)
    return sum(resend_failed(email) for email in failed)
