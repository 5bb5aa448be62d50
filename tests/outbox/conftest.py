import pytest

FAILING = "tests.outbox.failing_backend.UnreachableSMTPBackend"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def outbox_backend(settings):
    """Django's EMAIL_BACKEND as the site configures it (the test runner swaps in locmem):
    every message is stored, then delivered into locmem (mail.outbox) by the task."""
    settings.EMAIL_BACKEND = "outbox.backends.OutboxBackend"
    settings.OUTBOX_DELIVERY_BACKEND = LOCMEM
    return settings


@pytest.fixture
def smtp_down(outbox_backend):
    """The real server refuses every connection; the site still stores every message."""
    outbox_backend.OUTBOX_DELIVERY_BACKEND = FAILING
    return outbox_backend
