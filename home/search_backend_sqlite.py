"""Wagtail's database search backend on SQLite: words and their family, the title weighted.

The twin of home.search_backend (see there). A module of its own, chosen by the settings on
SQLite only: modelsearch's SQLite modules look up the FTS5 index model, which exists only on
SQLite, so importing them on PostgreSQL fails.
"""

from modelsearch.backends.database.sqlite.query import (
    BM25,
    Lexeme,
    SearchQueryExpression,
    SQLiteFTSIndexEntry,
)
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from wagtail.search.query import Phrase, PlainText

from home.search_terms import family_prefix, search_terms

# FTS5 columns are (autocomplete, body, title): a word in the title counts four times one in
# the body.
COLUMN_WEIGHTS = (0.0, 1.0, 4.0)


def fts5_match(terms, operator):
    """An FTS5 expression, `("word" OR "family"*) AND …`; terms hold only letters and digits."""
    groups = []
    for term in terms:
        prefix = family_prefix(term)
        if prefix == term:
            groups.append(f'"{prefix}"*')
        else:
            groups.append(f'("{term}" OR "{prefix}"*)' if prefix else f'"{term}"')
    return f" {operator.upper()} ".join(groups)


class RawMatch(Lexeme):
    """A whole FTS5 expression, already built from safe terms."""

    def as_sql(self, compiler, connection):
        return "%s", [self.value]


class WeightedBM25(BM25):
    def as_sql(self, compiler, connection, function=None, template=None):
        weights = ", ".join(str(weight) for weight in COLUMN_WEIGHTS)
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []


class SQLiteWordFamilies:
    """Mixed into the SQLite query compiler: words and families, the title weighted in bm25."""

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            terms = search_terms(query.query_string)
            # Nothing but punctuation: an empty phrase, which matches nothing, not a syntax error.
            expression = fts5_match(terms, query.operator) if terms else '""'
            return SearchQueryExpression(RawMatch(expression))
        if isinstance(query, Phrase):
            query = Phrase(query.query_string.replace('"', " "))
        return super().build_search_query_content(query, config=config)

    def _build_rank_expression(self, vectors, config):
        """bm25 with the title weighted, alone: Wagtail multiplies it by the title's shortness
        (title_norm), so that a short title lifted a match in the body above a title match."""
        return WeightedBM25()


class WordFamilySQLiteSearchQueryCompiler(SQLiteWordFamilies, SQLiteSearchQueryCompiler):
    pass


class SearchBackend(SQLiteSearchBackend):
    """Named as Wagtail looks it up in a backend module."""

    query_compiler_class = WordFamilySQLiteSearchQueryCompiler
