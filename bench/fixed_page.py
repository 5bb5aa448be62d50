"""A WSGI application answering the same fixed bytes to every request: the ceiling.

bench/pages.py serves it with the same gunicorn and deploy/gunicorn.conf.py as the hub, with a
body as long as the hub's home page (BENCH_FIXED_PAGE_BYTES), so that the gap between this
page and a cached page is what the hub itself costs. It imports nothing from Django.
"""

import os

SIZE = int(os.environ.get("BENCH_FIXED_PAGE_BYTES", "30000"))
_LINE = b"<p>Page fixe du banc d'essai.</p>\n"
BODY = (_LINE * (SIZE // len(_LINE) + 1))[:SIZE]
HEADERS = [
    ("Content-Type", "text/html; charset=utf-8"),
    ("Content-Length", str(len(BODY))),
]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
