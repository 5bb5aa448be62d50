"""A real task worker (`manage.py db_worker`) killed in the middle of a batch of e-mails:
nothing is lost, and only the message in flight may arrive twice, with the same Message-ID.

The worker runs in a subprocess: on PostgreSQL against the test database itself, on SQLite
against a copy of the in-memory test database in a file. It sends to a fake SMTP server on
loopback that holds back its answer to the third message, so the kill lands after the server
has that message and before the worker hears "250 OK"."""

import os
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from outbox.mail import queue_email
from outbox.models import OutgoingEmail
from tests.outbox.fake_smtp import FakeSMTPServer

ROOT = Path(__file__).resolve().parents[2]
BATCH = 5
KILLED_DURING = 3  # the third message of the batch


def manage(database_url, smtp_port, *args):
    """Run a management command in a separate process, as the production worker runs."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "emancipasso.settings.dev",
        "DATABASE_URL": database_url,
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "OUTBOX_SENDING_TIMEOUT_SECONDS": "0",
        "LOG_LEVEL": "ERROR",
    }
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )


def worker(database, smtp_port):
    return manage(
        database,
        smtp_port,
        "db_worker",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        "--interval",
        "0.1",
    )


def restart_after_the_crash(database, smtp_port):
    """The scheduled `requeue_emails`, then a new worker, in one process (one start-up)."""
    return manage(
        database,
        smtp_port,
        "shell",
        "--command",
        "from django.core.management import call_command; "
        "call_command('requeue_emails'); "
        "call_command('db_worker', batch=True, startup_delay=False, reload=False, interval=0.1)",
    )


def finish(process, timeout=25):
    output, _ = process.communicate(timeout=timeout)
    assert process.returncode == 0, output.decode()


def states(database_url):
    """Each message's state, as the worker left it in its database."""
    query = "SELECT message_id, status FROM outbox_outgoingemail"
    if database_url.startswith("sqlite:///"):
        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as db:
            return dict(db.execute(query).fetchall())
    with connection.cursor() as cursor:  # the test database itself
        cursor.execute(query)
        return dict(cursor.fetchall())


def url_of_the_test_database(tmp_path):
    """PostgreSQL: the test database the worker shares; SQLite: a file copy of the in-memory
    one (a second process cannot open it)."""
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        return (
            f"postgres://{quote(db['USER'] or '')}:{quote(db['PASSWORD'] or '')}"
            f"@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"
        )
    path = tmp_path / "worker.sqlite3"
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    return f"sqlite:///{path}"


@pytest.fixture
def database(tmp_path, transactional_db, settings):
    """A batch queued through the database task backend, in a database the worker opens."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "outbox.backends.OutboxBackend"
    for number in range(1, BATCH + 1):
        queue_email([f"asso{number}@example.org"], f"Message {number}", "Bonjour")
    return url_of_the_test_database(tmp_path)


def test_a_worker_killed_mid_batch_loses_nothing_and_resends_only_the_message_in_flight(
    database,
):
    queued = set(OutgoingEmail.objects.values_list("message_id", flat=True))
    assert len(queued) == BATCH

    with FakeSMTPServer(hold=KILLED_DURING) as slow_server:
        process = worker(database, slow_server.port)
        try:
            assert slow_server.wait_for(KILLED_DURING, timeout=20), process
        finally:
            process.send_signal(signal.SIGKILL)
            process.communicate(timeout=10)
        in_flight = slow_server.message_ids()[-1]

    # The kill left the message in flight "sending"; those before it were recorded as sent.
    states_after_kill = states(database)
    assert states_after_kill[in_flight] == OutgoingEmail.Status.SENDING
    assert Counter(states_after_kill.values()) == {
        "sent": KILLED_DURING - 1,
        "sending": 1,
        "pending": BATCH - KILLED_DURING,
    }

    with FakeSMTPServer() as server:
        finish(restart_after_the_crash(database, server.port))
        resent = server.message_ids()

    assert set(states(database).values()) == {"sent"}
    delivered = Counter(slow_server.message_ids() + resent)
    assert set(delivered) == queued  # nothing lost
    assert {message_id: count for message_id, count in delivered.items() if count > 1} == {
        in_flight: 2  # only the message in flight went twice, under the same Message-ID
    }
