"""Wagtail's database search backend on PostgreSQL, searching words and their French family.

home.search_backend_sqlite is its twin on SQLite (settings pick one by database).

A plain-text search keeps only the words of the query (home.search_terms) and looks for each
word or its family's prefix: "hébergeur" finds "hébergement" on PostgreSQL (whose French
stemmer keeps them apart) as on SQLite (which has no stemmer). Quotes and operators can no
longer break the query: SQLite's backend put each term in double quotes for FTS5 without
escaping the ones inside it (wagtail/wagtail#13227), and a search for `"><script>` was an
OperationalError.
"""

from django.contrib.postgres.search import SearchQuery
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from wagtail.search.query import PlainText

from home.search_terms import family_prefix, search_terms


class PostgresWordFamilies:
    """Mixed into the PostgreSQL query compiler: each word, or the prefix of its family."""

    def build_tsquery_content(self, query, config=None, invert=False):
        terms = search_terms(query.query_string) if isinstance(query, PlainText) else []
        if not terms:
            return super().build_tsquery_content(query, config=config, invert=invert)
        combined = None
        for term in terms:
            lexeme = Lexeme(term, invert=invert)
            if prefix := family_prefix(term):
                family = Lexeme(prefix, invert=invert, prefix=True)
                # Negated: neither the word nor its family (De Morgan).
                lexeme = (lexeme & family) if invert else (lexeme | family)
            if combined is None:
                combined = lexeme
            elif (query.operator.lower() == "and") != invert:
                combined &= lexeme
            else:
                combined |= lexeme
        return SearchQuery(combined, search_type="raw", config=config)


class WordFamilyPostgresSearchQueryCompiler(PostgresWordFamilies, PostgresSearchQueryCompiler):
    pass


class SearchBackend(PostgresSearchBackend):
    """Named as Wagtail looks it up in a backend module."""

    query_compiler_class = WordFamilyPostgresSearchQueryCompiler
