"""Wagtail's database search backend, on SQLite without the 500 a double quote causes.

The SQLite backend wraps each search term in double quotes for FTS5 without escaping the ones
inside it (wagtail/wagtail#13227): a search for `"><script>` was an OperationalError. FTS5
indexes no punctuation, so a double quote in a term can only be dropped. PostgreSQL is left as
Wagtail builds it.
"""

from django.db import connection
from wagtail.search.backends import database
from wagtail.search.query import Phrase, PlainText


class DropDoubleQuotes:
    """Mixed into the SQLite query compiler: terms and phrases lose their double quotes."""

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(
                query.query_string.replace('"', " "), operator=query.operator, boost=query.boost
            )
        elif isinstance(query, Phrase):
            query = Phrase(query.query_string.replace('"', " "))
        return super().build_search_query_content(query, config=config)


def SearchBackend(params):
    """Named as Wagtail looks it up in a backend module."""
    backend = database.SearchBackend(params)
    if connection.vendor == "sqlite":
        # Imported only on SQLite, as Wagtail does: the module looks up the FTS index model,
        # which exists only on SQLite, so importing it on PostgreSQL fails.
        from wagtail.search.backends.database.sqlite.sqlite import SQLiteSearchBackend

        if isinstance(backend, SQLiteSearchBackend):
            backend.query_compiler_class = type(
                "QuoteSafeSQLiteSearchQueryCompiler",
                (DropDoubleQuotes, backend.query_compiler_class),
                {},
            )
    return backend
