"""A small HTTP server on 127.0.0.1 for the ChatonsInfos import tests: never the internet.

Each route is a path → (body, content type), or a function that answers the request itself
(redirects, slow or oversized answers). Every request is recorded, so a test can prove that
a refused address was never asked.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.requests.append((self.path, self.headers.get("Host")))
        route = self.server.routes.get(self.path)
        if route is None:
            self.answer(404, b"introuvable", "text/plain")
        elif callable(route):
            route(self)
        else:
            body, content_type = route
            self.answer(200, body, content_type)

    def answer(self, status, body, content_type, headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


class LocalServer:
    def __init__(self):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.routes = {}
        self.httpd.requests = []
        # A short poll: `shutdown()` at the end of each test waits for the loop's next turn.
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base(self):
        host, port = self.httpd.server_address
        return f"http://{host}:{port}"

    @property
    def routes(self):
        return self.httpd.routes

    @property
    def requests(self):
        return self.httpd.requests

    def url(self, path):
        return self.base + path

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
