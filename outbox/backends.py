"""Django's EMAIL_BACKEND for the whole site: every message Django or Wagtail sends (password
resets, workflow notices, account e-mails) is stored in the outbox and delivered by the task
queue, like the hub's own; the real server is used only by outbox.tasks."""

import base64
from email.mime.base import MIMEBase

from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils.html import strip_tags

from outbox.mail import store_email


def stored_attachment(attachment):
    """A JSON-safe {filename, content, mimetype}: text as it is, bytes in base64."""
    if isinstance(attachment, MIMEBase):
        filename = attachment.get_filename() or "piece-jointe"
        content, mimetype = attachment.get_payload(decode=True), attachment.get_content_type()
    else:
        filename, content, mimetype = attachment
    if isinstance(content, str):
        return {"filename": filename, "content": content, "mimetype": mimetype}
    return {
        "filename": filename,
        "content": base64.b64encode(content).decode("ascii"),
        "mimetype": mimetype,
        "encoding": "base64",
    }


def stored_fields(message):
    """What the outbox keeps of an EmailMessage to send the same message later."""
    headers = dict(message.extra_headers)
    given_ids = [name for name in headers if name.lower() == "message-id"]
    message_id = headers.pop(given_ids[0]) if given_ids else None
    body_text, body_html = message.body, ""
    if message.content_subtype == "html":
        body_text, body_html = strip_tags(message.body), message.body
    for content, mimetype in getattr(message, "alternatives", []):
        if mimetype == "text/html" and not body_html:
            body_html = content
    fields = {
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "subject": message.subject,
        "body_text": body_text,
        "body_html": body_html,
        "attachments": [stored_attachment(attachment) for attachment in message.attachments],
        "headers": headers,
    }
    if message_id:
        fields["message_id"] = message_id
    return fields


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        """Store each message; return how many, as Django's backends count those sent."""
        stored = 0
        for message in email_messages:
            if not message.recipients():
                continue
            try:
                with transaction.atomic():  # a failure here leaves the caller's transaction usable
                    store_email(**stored_fields(message))
            except Exception:
                if not self.fail_silently:  # e.g. mail_admins while the database is down
                    raise
            else:
                stored += 1
        return stored
