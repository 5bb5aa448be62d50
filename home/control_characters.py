"""Control characters in the query string never reach a view, a database query or a template.

PostgreSQL refuses a NUL byte in any text value: `/recherche/?q=%00` raised a DataError (a 500)
in the search, the directory filters and the API. Rather than guard each of them, the query
string is cleaned once here, so `?q=%00abc` still searches "abc"; tab and line breaks are kept as
the whitespace they are. The path needs no cleaning: Wagtail's page routes accept only letters,
digits and dashes, so a path with a control character is a 404 before any lookup.
"""

import re
from urllib.parse import unquote_plus

from django.http import QueryDict

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def without_control_characters(text):
    return CONTROL_CHARACTERS.sub("", text)


class StripControlCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query_string = request.META.get("QUERY_STRING", "")
        if CONTROL_CHARACTERS.search(unquote_plus(query_string)):
            self._clean_query_string(request)
        return self.get_response(request)

    @staticmethod
    def _clean_query_string(request):
        """Rebuild GET and QUERY_STRING together: some code reads one, some the other."""
        cleaned = QueryDict(mutable=True)
        for key, values in request.GET.lists():
            cleaned.setlist(
                without_control_characters(key), [without_control_characters(v) for v in values]
            )
        request.META["QUERY_STRING"] = cleaned.urlencode()
        request.GET = QueryDict(request.META["QUERY_STRING"])
