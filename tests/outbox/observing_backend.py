"""A delivery backend that notes, while it "talks to the server", what the database shows."""

from django.core.mail.backends.locmem import EmailBackend
from django.db import connection

from outbox.models import OutgoingEmail

seen = []


class ObservingBackend(EmailBackend):
    def send_messages(self, messages):
        seen.append(
            {
                "in_transaction": connection.in_atomic_block,
                "statuses": list(OutgoingEmail.objects.values_list("status", flat=True)),
            }
        )
        return super().send_messages(messages)
