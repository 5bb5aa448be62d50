"""How a visitor's words become search terms, for the index query and for spotting a title match.

Only words count: quotes, operators (AND, OR, -) and punctuation are dropped, so an odd query
still searches what it says. Each word also finds its family through the prefix left once a
common French ending is taken off: "hébergeur" searches héberg*, which finds "hébergement";
PostgreSQL's French stemmer alone keeps the two apart.
"""

import re
import unicodedata

WORD = re.compile(r"[^\W_]+")
MAX_TERMS = 12
MIN_PREFIX = 4
# Longest first, so that "ements" goes before "s".
FRENCH_ENDINGS = sorted(
    [
        "issements", "issement", "ements", "ement", "ations", "ation", "atrices", "atrice",
        "ateurs", "ateur", "euses", "euse", "eurs", "eur", "ances", "ance", "ences", "ence",
        "ismes", "isme", "istes", "iste", "ables", "able", "ibles", "ible", "ités", "ité",
        "ives", "ive", "ifs", "ions", "ion", "ages", "age", "ées", "ée", "és", "é", "ers",
        "er", "es", "e", "s", "x",
    ],
    key=len,
    reverse=True,
)  # fmt: skip
OPERATORS = {"AND", "OR", "NOT", "NEAR"}
# Too common to say what a title is about; PostgreSQL's French configuration ignores them too.
STOP_WORDS = {
    "aux", "avec", "ces", "dans", "des", "est", "les", "leur", "leurs", "mes", "nos", "par",
    "pas", "pour", "que", "qui", "ses", "son", "sur", "une", "vos", "votre", "notre",
}  # fmt: skip


def search_terms(text):
    """The words of a query, lower case, at most twelve; one-letter words (l', d') and the
    operators other search engines read (AND, OR, NOT, NEAR, in capitals) left out."""
    words = [word for word in WORD.findall(text) if word not in OPERATORS]
    return [word.casefold() for word in words if len(word) > 1][:MAX_TERMS]


def family_prefix(term):
    """The term without its French ending, or None when too little would be left to search."""
    for ending in FRENCH_ENDINGS:
        if term.endswith(ending) and len(term) - len(ending) >= MIN_PREFIX:
            return term[: -len(ending)]
    return term if len(term) >= MIN_PREFIX else None


def fold(text):
    """Lower case without accents: "Hébergé" and "heberge" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def title_matcher(terms):
    """A test of whether every meaningful word of the query starts a word of a title (accents
    aside). The query's words are folded once: a search can rank thousands of titles."""
    prefixes = [
        fold(family_prefix(term) or term)
        for term in terms
        if len(term) > 2 and term not in STOP_WORDS
    ]

    def matches(title):
        if not prefixes:
            return False
        title_words = WORD.findall(fold(title))
        return all(any(word.startswith(prefix) for word in title_words) for prefix in prefixes)

    return matches
