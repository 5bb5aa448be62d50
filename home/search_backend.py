"""Wagtail's database search backend on PostgreSQL, searching words and their French family.

home.search_backend_sqlite is its twin on SQLite (settings pick one by database).

A plain-text search keeps only the words of the query (home.search_terms) and looks for each
word or its family's prefix: "hébergeur" finds "hébergement" on PostgreSQL (whose French
stemmer keeps them apart) as on SQLite (which has no stemmer). Quotes and operators can no
longer break the query: SQLite's backend put each term in double quotes for FTS5 without
escaping the ones inside it (wagtail/wagtail#13227), and a search for `"><script>` was an
OperationalError.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, Q
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.utils import ADD
from wagtail.search.query import PlainText

from home.search_terms import family_prefix, search_terms


def word_or_family(term, invert=False):
    """The term, or the prefix of its family: `('hébergeur' | 'héberg':*)`."""
    word = Lexeme(term, invert=invert)
    prefix = family_prefix(term)
    if not prefix:
        return word
    family = Lexeme(prefix, invert=invert, prefix=True)
    if prefix == term:
        return family
    # Negated: neither the word nor its family (De Morgan).
    return (word & family) if invert else (word | family)


class PostgresWordFamilies:
    """Mixed into the PostgreSQL query compiler: each word, or the prefix of its family."""

    def build_tsquery_content(self, query, config=None, invert=False):
        terms = search_terms(query.query_string) if isinstance(query, PlainText) else []
        if not terms:
            return super().build_tsquery_content(query, config=config, invert=invert)
        combined = word_or_family(terms[0], invert)
        for term in terms[1:]:
            if (query.operator.lower() == "and") != invert:
                combined &= word_or_family(term, invert)
            else:
                combined |= word_or_family(term, invert)
        return SearchQuery(combined, search_type="raw", config=config)

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        """The sum of each word's rank: ts_rank of several words together rewards words close
        to each other, so that two words side by side in a body beat one of them in the title.
        """
        terms = search_terms(query.query_string) if isinstance(query, PlainText) else []
        if len(terms) < 2:
            return super().build_tsrank(vector, query, config=config, boost=boost)
        ranks = [
            SearchRank(
                vector,
                SearchQuery(word_or_family(term), search_type="raw", config=config),
                weights=self.sql_weights,
            )
            for term in terms
        ]
        return ADD(ranks) * boost

    def get_index_vectors(self, search_query):
        """One rank over title and body together, the title's words weighing most: Wagtail
        ranks them apart, adding the title's rank only when it holds every word."""
        title_and_body = F("index_entries__title")._combine(F("index_entries__body"), "||", False)
        return [(title_and_body, 1.0)]

    def search(self, config, start, stop, score_field=None, backend=None):
        """Each word in the title or in the body, every side through its own GIN index.

        Wagtail matches `title || body @@ query`, which no index holds: every search read the
        whole index table (49 ms at 10 000 providers, 12 ms this way). For words joined by
        AND the two mean the same: the concatenation holds a word if either part does.
        """
        terms = search_terms(self.query.query_string) if isinstance(self.query, PlainText) else []
        if self.fields is not None or not terms or self.query.operator.lower() != "and":
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        search_query = self.build_tsquery(self.query, config=config)
        rank_expression = self._build_rank_expression(self.get_index_vectors(search_query), config)
        each_word = []
        for term in terms:
            word = SearchQuery(word_or_family(term), search_type="raw", config=config)
            each_word.append(Q(index_entries__title=word) | Q(index_entries__body=word))
        return self._apply_ordering_and_scoring(
            self.queryset.filter(*each_word), rank_expression, start, stop, score_field
        )


class WordFamilyPostgresSearchQueryCompiler(PostgresWordFamilies, PostgresSearchQueryCompiler):
    pass


class SearchBackend(PostgresSearchBackend):
    """Named as Wagtail looks it up in a backend module."""

    query_compiler_class = WordFamilyPostgresSearchQueryCompiler
