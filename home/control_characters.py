"""Control characters never reach a view, a query or a template.

PostgreSQL refuses a NUL byte in any text value: `/recherche/?q=%00` raised a DataError (a 500)
in the search, the directory filters, the API and the redirects lookup. Rather than guard each of
them, the query string is cleaned once here, so `?q=%00abc` still searches "abc"; tab and line
breaks are kept as the whitespace they are. No page has a control character in its address, so
such a path is answered with the site's 404 page before anything looks it up.
"""

import re
from urllib.parse import unquote_plus

from django.http import Http404, QueryDict

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def without_control_characters(text):
    return CONTROL_CHARACTERS.sub("", text)


class StripControlCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if CONTROL_CHARACTERS.search(request.path):
            raise Http404("Adresse invalide.")
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
