"""Delivery of stored e-mails; a failure is recorded and retried later, never dropped."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from outbox.models import OutgoingEmail

logger = logging.getLogger(__name__)


def retry_delay(attempts):
    """Back off: 1, 2, 4, 8... minutes, capped at one hour."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 60))


def build_message(email):
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=email.to,
        reply_to=email.reply_to or None,
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    for attachment in email.attachments:
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    return message


@task()
def deliver_email(email_id):
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.status == OutgoingEmail.Status.SENT or not email.to:
            return  # already sent, or its address was erased after the last try
        email.attempts += 1
        try:
            build_message(email).send()
        except Exception as error:  # any SMTP or network fault: keep the message, try again
            # An SMTP error may quote the address: not kept for a message that forgets it.
            kind = type(error).__name__
            error_text = kind if email.forget_recipients else f"{kind}: {error}"
            logger.warning("Envoi du courriel %s impossible : %s", email_id, error_text)
            email.last_error = error_text[:2000]
            gave_up = email.attempts >= settings.OUTBOX_MAX_ATTEMPTS
            email.status = OutgoingEmail.Status.FAILED if gave_up else OutgoingEmail.Status.PENDING
            if gave_up:
                forget_recipients(email)
            email.save(update_fields=["attempts", "last_error", "status", "to", "reply_to"])
            if not gave_up:
                schedule_retry(email)
            return
        email.status = OutgoingEmail.Status.SENT
        email.sent_at = timezone.now()
        email.last_error = ""
        forget_recipients(email)
        email.save(update_fields=["attempts", "last_error", "status", "sent_at", "to", "reply_to"])


def forget_recipients(email):
    """Erase the addresses of a message whose recipient gave them for this message only."""
    if email.forget_recipients:
        email.to = []
        email.reply_to = []


def schedule_retry(email):
    """Re-enqueue after a delay where the backend can wait; at once where it cannot (tests)."""
    if deliver_email.get_backend().supports_defer:
        transaction.on_commit(
            lambda: deliver_email.using(
                run_after=timezone.now() + retry_delay(email.attempts)
            ).enqueue(email.pk)
        )
    else:
        transaction.on_commit(lambda: deliver_email.enqueue(email.pk))
