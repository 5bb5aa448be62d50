"""The database cache used when Redis is not configured, with a counter that processes share.

Django's `DatabaseCache.incr()` reads the value, then writes it back with the default timeout:
two gunicorn workers counting at once both read 4 and both write 5, and an hourly counter
expires five minutes after its last hit. Rate limits (django-ratelimit) count with `incr()`,
so this one locks the row before reading it and keeps the row's expiry.
"""

import base64
import pickle

from django.core.cache.backends import db
from django.db import connections, router, transaction
from django.utils import timezone

# The table name comes from settings (CACHES LOCATION) and is quoted; values are parameters.
LOCK = "UPDATE {table} SET expires = expires WHERE cache_key = %s"
READ = "SELECT value FROM {table} WHERE cache_key = %s AND expires >= %s"
WRITE = "UPDATE {table} SET value = %s WHERE cache_key = %s"


class DatabaseCache(db.DatabaseCache):
    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        alias = router.db_for_write(self.cache_model_class)
        connection = connections[alias]
        table = connection.ops.quote_name(self._table)
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with transaction.atomic(using=alias), connection.cursor() as cursor:
            # Writing first takes the row lock (PostgreSQL) or the write lock (SQLite): a second
            # process waits here until this one has written its new value.
            cursor.execute(LOCK.format(table=table), [key])
            cursor.execute(READ.format(table=table), [key, now])
            row = cursor.fetchone()
            if row is None:
                raise ValueError(f"Key '{key}' not found")
            value = self._decode(connection.ops.process_clob(row[0])) + delta
            cursor.execute(WRITE.format(table=table), [self._encode(value), key])
        return value

    def _encode(self, value):
        """As Django's DatabaseCache stores values: pickled, then base64."""
        return base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")

    @staticmethod
    def _decode(stored):
        return pickle.loads(base64.b64decode(stored.encode()))  # noqa: S301 - rows we wrote
