"""A silent database host must not hold a worker: connect and statement timeouts on PostgreSQL."""

import json
import socket

import pytest
from django.db import connection

from tests.helpers import run_project_python

SILENT_URL = "postgres://hub@127.0.0.1:{port}/emancipasso"


def run_with_settings(script, **env):
    return run_project_python(
        ["-c", f"import django\ndjango.setup()\n{script}"],
        "emancipasso.settings.test",
        drop=["DATABASE_"],
        timeout=60,
        **env,
    )


def database_options(**env):
    script = (
        "import json\nfrom django.conf import settings\n"
        "print(json.dumps(settings.DATABASES['default']['OPTIONS']))"
    )
    result = run_with_settings(script, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_postgresql_gets_a_connect_and_a_statement_timeout_by_default():
    options = database_options(DATABASE_URL="postgres://hub@db.example.org/emancipasso")
    assert options["connect_timeout"] == 5
    assert options["options"] == "-c statement_timeout=30s"


def test_the_timeouts_come_from_the_environment():
    options = database_options(
        DATABASE_URL="postgres://hub@db.example.org/emancipasso",
        DATABASE_CONNECT_TIMEOUT="3",
        DATABASE_STATEMENT_TIMEOUT="10",
    )
    assert options == {"connect_timeout": 3, "options": "-c statement_timeout=10s"}


@pytest.fixture
def silent_database():
    """A port that accepts connections and never answers, like a database host that hangs."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)  # the kernel completes the handshakes; nobody ever reads or writes
        yield listener.getsockname()[1]


def test_a_silent_database_is_given_up_within_the_connect_timeout(silent_database):
    script = (
        "import time\nfrom django.db import connection, OperationalError\n"
        "start = time.monotonic()\n"
        "try:\n"
        "    connection.ensure_connection()\n"
        "except OperationalError as error:\n"
        "    print(round(time.monotonic() - start, 1), error)\n"
    )
    result = run_with_settings(
        script,
        DATABASE_URL=SILENT_URL.format(port=silent_database),
        DATABASE_CONNECT_TIMEOUT="2",
    )
    assert result.returncode == 0, result.stderr
    seconds, _, error = result.stdout.partition(" ")
    assert "timeout" in error
    assert 1.5 <= float(seconds) < 6  # the 2 s timeout, not the 60 s the test would wait


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_the_statement_timeout_is_in_force_on_postgresql():
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone() == ("30s",)
