"""The one way the hub sends e-mail: store the message, then hand it to the task queue.

Django's and Wagtail's own e-mails (password resets, workflow notices) take the same road
through outbox.backends.OutboxBackend."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string

from outbox.models import OutgoingEmail
from outbox.tasks import enqueue_delivery

_erasing_content = ContextVar("erasing_content", default=False)


@contextmanager
def erase_content_once_sent():
    """For a sender that cannot pass a flag (Django's password reset form): the messages stored
    inside this block carry a personal sign-in link, erased once they are sent or given up."""
    token = _erasing_content.set(True)
    try:
        yield
    finally:
        _erasing_content.reset(token)


def store_email(**fields):
    """Keep the message, then enqueue its delivery once the surrounding transaction commits."""
    fields.setdefault("from_email", settings.DEFAULT_FROM_EMAIL)
    fields.setdefault("forget_content", _erasing_content.get())
    email = OutgoingEmail.objects.create(**fields)
    enqueue_delivery(email)
    return email


def queue_email(
    to,
    subject,
    body_text,
    *,
    body_html="",
    reply_to=None,
    attachments=None,
    forget_recipients=False,
):
    """Store a message and enqueue its delivery once the surrounding transaction commits.

    `forget_recipients`: the address was given for this message only; the outbox erases it
    once the message is sent or given up (outbox.tasks)."""
    return store_email(
        to=list(to),
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        reply_to=list(reply_to or []),
        attachments=list(attachments or []),
        forget_recipients=forget_recipients,
    )


def queue_templated_email(to, subject, template_name, context, **kwargs):
    """Render `emails/<template_name>.txt` (and `.html` when it exists) and queue the message."""
    body_text = render_to_string(f"emails/{template_name}.txt", context)
    try:
        body_html = render_to_string(f"emails/{template_name}.html", context)
    except TemplateDoesNotExist:  # an HTML version is optional
        body_html = ""
    return queue_email(to, subject.strip(), body_text, body_html=body_html, **kwargs)
