"""A silent database host must not hold a worker: connect and statement timeouts on PostgreSQL."""

import socket
import threading
import time

import pytest
from django.db import OperationalError, connection
from django.db.utils import ConnectionHandler

from tests.helpers import fresh_settings

SILENT_URL = "postgres://hub@127.0.0.1:{port}/emancipasso"


def databases(**env):
    """DATABASES as the settings read them from `env`, no DATABASE_ variable of this process."""
    return fresh_settings("emancipasso.settings.test", drop=["DATABASE_"], **env).DATABASES


def database_options(**env):
    return databases(**env)["default"]["OPTIONS"]


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
    """A port that accepts connections and never answers, like a database host that hangs. It
    goes away after 10 s: a connection without a timeout fails the test instead of hanging it."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)  # the kernel completes the handshakes; nobody ever reads or writes
        going_away = threading.Timer(10, listener.close)
        going_away.start()
        yield listener.getsockname()[1]
        going_away.cancel()


def test_a_silent_database_is_given_up_within_the_connect_timeout(
    silent_database, django_db_blocker
):
    silent_url = SILENT_URL.format(port=silent_database)
    silent = ConnectionHandler(databases(DATABASE_URL=silent_url, DATABASE_CONNECT_TIMEOUT="2"))
    start = time.monotonic()
    with django_db_blocker.unblock(), pytest.raises(OperationalError, match="timeout"):
        silent["default"].ensure_connection()
    assert 1.5 <= time.monotonic() - start < 6  # the 2 s timeout


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_the_statement_timeout_is_in_force_on_postgresql():
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone() == ("30s",)
