"""Delivery of stored e-mails: claim, talk to SMTP outside any transaction, record the result.

1. A short UPDATE claims a pending message ("sending", `claimed_at`): two workers never both
   get it, and no row lock is held while the SMTP server answers.
2. The message goes out through the real backend (`delivery_backend`), with its stored
   Message-ID.
3. A second short UPDATE records "sent", or the error and the next attempt (back-off) until
   OUTBOX_RETRY_PERIOD has passed; then the message is marked failed, kept, and logged at
   ERROR. A worker killed between 1 and 3 leaves "sending": outbox.recovery takes it back once.
"""

import base64
import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task

from outbox.models import CONTENT_FIELDS, RECIPIENT_FIELDS, OutgoingEmail

logger = logging.getLogger(__name__)

OUTBOX_BACKEND = "outbox.backends.OutboxBackend"


def retry_delay(attempts):
    """Back off: 1, 2, 4, 8... minutes, capped at one hour."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 60))


def delivery_backend():
    """The backend that really sends: OUTBOX_DELIVERY_BACKEND when Django's EMAIL_BACKEND is the
    outbox itself, else EMAIL_BACKEND (as Django's test runner sets it to locmem)."""
    if settings.EMAIL_BACKEND != OUTBOX_BACKEND:
        return settings.EMAIL_BACKEND
    if settings.OUTBOX_DELIVERY_BACKEND == OUTBOX_BACKEND:
        raise ImproperlyConfigured("OUTBOX_DELIVERY_BACKEND ne peut pas être la boîte d'envoi.")
    return settings.OUTBOX_DELIVERY_BACKEND


def attachment_content(attachment):
    if attachment.get("encoding") == "base64":
        return base64.b64decode(attachment["content"])
    return attachment["content"]


def build_message(email, connection=None):
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=email.from_email or settings.DEFAULT_FROM_EMAIL,
        to=email.to,
        cc=email.cc or None,
        bcc=email.bcc or None,
        reply_to=email.reply_to or None,
        headers={**email.headers, "Message-ID": email.message_id},
        connection=connection,
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    for attachment in email.attachments:
        message.attach(
            attachment["filename"], attachment_content(attachment), attachment["mimetype"]
        )
    return message


def enqueue_delivery(email, run_after=None):
    """Once the surrounding transaction commits, hand the message to the task queue and note
    the task's id (outbox.recovery checks it). If the queue is unreachable, the message stays
    pending and `requeue_emails` picks it up: the caller's request does not fail."""

    def enqueue():
        delivery = deliver_email
        if run_after is not None and deliver_email.get_backend().supports_defer:
            delivery = deliver_email.using(run_after=run_after)
        result = delivery.enqueue(email.pk)
        OutgoingEmail.objects.filter(pk=email.pk).update(task_id=str(result.id))

    transaction.on_commit(enqueue, robust=True)


def claim(email_id):
    """Mark a due pending message "sending" in one UPDATE; None if it is not ours to send."""
    now = timezone.now()
    claimed = (
        OutgoingEmail.objects.filter(pk=email_id, status=OutgoingEmail.Status.PENDING)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .update(status=OutgoingEmail.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    )
    return OutgoingEmail.objects.get(pk=email_id) if claimed else None


def forgotten(email):
    """The fields to blank once a message that forgets its addresses, or its text, is sent or
    given up."""
    fields = {}
    if email.forget_recipients:
        fields.update({field: [] for field in RECIPIENT_FIELDS})
    if email.forget_content:
        fields.update(CONTENT_FIELDS)
    return fields


def record_sent(email):
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=OutgoingEmail.Status.SENT,
        sent_at=timezone.now(),
        last_error="",
        claimed_at=None,
        next_attempt_at=None,
        **forgotten(email),
    )


def give_up(email, error_text, **still_claimed):
    """Mark failed, keep the message, and tell whoever reads the logs (the dashboard shows it)."""
    given_up = OutgoingEmail.objects.filter(pk=email.pk, **still_claimed).update(
        status=OutgoingEmail.Status.FAILED,
        last_error=error_text,
        claimed_at=None,
        next_attempt_at=None,
        **forgotten(email),
    )
    if given_up:
        logger.error(
            "Courriel %s abandonné après %s tentative(s) : %s", email.pk, email.attempts, error_text
        )
    return given_up


def record_failure(email, error):
    """Retry with back-off until the retry period is over, then give up."""
    # An SMTP error may quote the address: not kept for a message that forgets it.
    kind = type(error).__name__
    error_text = (kind if email.forget_recipients else f"{kind}: {error}")[:2000]
    now = timezone.now()
    deadline = email.queued_at + settings.OUTBOX_RETRY_PERIOD
    ours = {"status": OutgoingEmail.Status.SENDING, "claimed_at": email.claimed_at}
    if now >= deadline:
        give_up(email, error_text, **ours)
        return
    logger.warning("Envoi du courriel %s impossible : %s", email.pk, error_text)
    next_attempt_at = min(now + retry_delay(email.attempts), deadline)
    with transaction.atomic():
        rescheduled = OutgoingEmail.objects.filter(pk=email.pk, **ours).update(
            status=OutgoingEmail.Status.PENDING,
            last_error=error_text,
            claimed_at=None,
            next_attempt_at=next_attempt_at,
        )
        # A queue that cannot wait would retry at once, in a loop: requeue_emails does it.
        if rescheduled and deliver_email.get_backend().supports_defer:
            enqueue_delivery(email, run_after=next_attempt_at)


@task()
def deliver_email(email_id):
    email = claim(email_id)
    if email is None:
        return  # sent, being sent, not due yet, or given up
    try:
        connection = get_connection(backend=delivery_backend(), fail_silently=False)
        build_message(email, connection).send()
    except Exception as error:  # any SMTP or network fault: keep the message, try again
        record_failure(email, error)
    else:
        record_sent(email)
