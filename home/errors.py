"""The page a visitor gets when the site fails: 503 while the database cannot be reached (it
comes back by itself: every request opens or checks its connection), 500 for anything else.

Both templates are rendered without the database: no settings, no menu, nothing dynamic.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.defaults import server_error as default_server_error

# Connection refused, a host that does not answer within DATABASE_CONNECT_TIMEOUT, a statement
# cancelled by DATABASE_STATEMENT_TIMEOUT, a connection lost mid-request.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def server_error(request):
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return default_server_error(request)
