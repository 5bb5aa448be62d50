"""Fetching a file a provider points us to, without letting the address point us inside.

The address comes from a form, so it may name this server, the local network or a cloud
metadata service: only http and https are accepted, the host is resolved once and every
address it resolves to must be public, and the connection is made to that very address (a
second resolution could answer differently). Each redirect is checked the same way. One
deadline covers connecting, redirects and reading; the size limit is enforced while reading.
The standard library is enough: `http.client` lets the socket go to the checked address while
the Host header and the TLS certificate check keep the host name.
"""

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

ALLOWED_SCHEMES = {"http": 80, "https": 443}
MAX_REDIRECTS = 3
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
CHUNK = 16 * 1024
USER_AGENT = "Emancip'Asso ChatonsInfos import"


class FetchError(Exception):
    """A file could not be fetched; the message, in French, says why to the person importing."""


def address_is_public(address):
    """A unicast address reachable on the Internet, and so is any IPv4 address it embeds."""
    address = ipaddress.ip_address(address)
    if not address.is_global or any(
        (
            address.is_private,
            address.is_loopback,
            address.is_link_local,
            address.is_multicast,
            address.is_reserved,
            address.is_unspecified,
        )
    ):
        return False
    if address.version == 6:
        embedded = [address.ipv4_mapped, address.sixtofour, address.teredo and address.teredo[1]]
        return all(address_is_public(ipv4) for ipv4 in embedded if ipv4)
    return True


class Target:
    """A checked URL: its parts, and the address the connection must go to."""

    def __init__(self, url):
        self.url = url
        try:
            parts = urlsplit(url.strip())
            self.port = parts.port or ALLOWED_SCHEMES.get(parts.scheme.lower())
        except ValueError as error:
            raise FetchError(
                _("Adresse refusée\u00a0: «\u00a0%(url)s\u00a0» n'est pas valide.") % {"url": url}
            ) from error
        self.scheme = parts.scheme.lower()
        if self.scheme not in ALLOWED_SCHEMES:
            raise FetchError(
                _("Adresse refusée\u00a0: seules les adresses http:// et https:// sont acceptées.")
            )
        if not parts.hostname:
            raise FetchError(_("Adresse refusée\u00a0: il manque le nom du serveur."))
        if parts.username or parts.password:
            raise FetchError(_("Adresse refusée\u00a0: elle ne doit pas contenir d'identifiants."))
        self.host = parts.hostname
        self.path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        self.address = self.resolve()

    def resolve(self):
        try:
            infos = socket.getaddrinfo(self.host, self.port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as error:
            raise FetchError(
                _("Le serveur «\u00a0%(host)s\u00a0» est introuvable.") % {"host": self.host}
            ) from error
        addresses = [info[4][0] for info in infos]
        if not settings.CHATONS_IMPORT_ALLOW_PRIVATE_ADDRESSES:
            refused = [address for address in addresses if not address_is_public(address)]
            if refused:
                raise FetchError(
                    _(
                        "Adresse refusée\u00a0: «\u00a0%(host)s\u00a0» désigne une adresse "
                        "privée ou locale (%(address)s)."
                    )
                    % {"host": self.host, "address": refused[0]}
                )
        family, _type, _protocol, _name, socket_address = infos[0]
        return family, socket_address

    def connection(self, timeout):
        if self.scheme == "https":
            return PinnedHTTPSConnection(self.host, self.address, self.port, timeout)
        return PinnedHTTPConnection(self.host, self.address, self.port, timeout)


def open_socket(address, timeout):
    """A TCP connection to the (family, socket address) checked, with no new name lookup."""
    family, socket_address = address
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(socket_address)
    except OSError:
        sock.close()
        raise
    return sock


class PinnedHTTPConnection(http.client.HTTPConnection):
    """Talks to `host` (Host header) at the already checked `address`."""

    def __init__(self, host, address, port, timeout):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = self.checked_socket = open_socket(self.address, self.timeout)


class PinnedHTTPSConnection(http.client.HTTPSConnection):
    """The same over TLS; the certificate is checked against the host name, not the address."""

    def __init__(self, host, address, port, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self):
        sock = open_socket(self.address, self.timeout)
        self.sock = self.checked_socket = self._context.wrap_socket(sock, server_hostname=self.host)


class Fetcher:
    """Fetches the files of one import: each within its own time limit and all of them within
    the import's, each no larger than the size limit."""

    def __init__(self):
        self.timeout = settings.CHATONS_IMPORT_TIMEOUT
        self.max_bytes = settings.CHATONS_IMPORT_MAX_BYTES
        self.import_deadline = time.monotonic() + settings.CHATONS_IMPORT_TOTAL_TIMEOUT
        self.deadline = self.import_deadline

    def remaining(self):
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise FetchError(self.too_slow())
        return left

    def too_slow(self):
        return _("Le serveur n'a pas répondu à temps (%(seconds)s secondes au plus).") % {
            "seconds": f"{self.timeout:g}"
        }

    def get(self, url):
        """The body of the file at `url` (bytes) and its Content-Type, after redirects."""
        self.deadline = min(time.monotonic() + self.timeout, self.import_deadline)
        for _redirect in range(MAX_REDIRECTS + 1):
            target = Target(url)
            status, location, content_type, body = self.request(target)
            if status in REDIRECT_STATUSES and location:
                url = urljoin(target.url, location)
                continue
            if not 200 <= status < 300:
                raise FetchError(
                    _("Le serveur a répondu par une erreur (code %(status)s) pour %(url)s.")
                    % {"status": status, "url": target.url}
                )
            return body, content_type
        raise FetchError(
            _("Trop de redirections (plus de %(count)s) à partir de %(url)s.")
            % {"count": MAX_REDIRECTS, "url": url}
        )

    def request(self, target):
        """One request: (status, Location, Content-Type, body). A watchdog cuts the socket at
        the deadline, so a server sending one byte at a time cannot hold us longer."""
        connection = target.connection(self.remaining())
        expired = threading.Event()
        watchdog = threading.Timer(self.remaining(), interrupt, [connection, expired])
        watchdog.start()
        try:
            connection.request(
                "GET", target.path, headers={"User-Agent": USER_AGENT, "Accept": "*/*"}
            )
            response = connection.getresponse()
            if response.status in REDIRECT_STATUSES:
                return response.status, response.getheader("Location"), "", b""
            self.check_announced_length(response)
            body = self.read_limited(response)
        except (OSError, http.client.HTTPException) as error:
            if expired.is_set() or isinstance(error, TimeoutError):
                raise FetchError(self.too_slow()) from error
            raise FetchError(
                _("Impossible de lire %(url)s\u00a0: la connexion a échoué.") % {"url": target.url}
            ) from error
        finally:
            watchdog.cancel()
            connection.close()
        if expired.is_set():  # the socket was cut while the body was still coming
            raise FetchError(self.too_slow())
        return response.status, None, response.getheader("Content-Type", ""), body

    def check_announced_length(self, response):
        length = response.getheader("Content-Length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            raise FetchError(self.too_big())

    def read_limited(self, response):
        chunks, size = [], 0
        while chunk := response.read1(CHUNK):
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(self.too_big())
            chunks.append(chunk)
        return b"".join(chunks)

    def too_big(self):
        return _("Le fichier dépasse %(kib)s Kio\u00a0: il n'a pas été lu.") % {
            "kib": self.max_bytes // 1024
        }


def interrupt(connection, expired):
    """The watchdog's action at the deadline: mark the request late and cut its socket."""
    expired.set()
    # Not `connection.sock`: http.client lets go of it once a response that ends with the
    # connection has begun, while the response goes on reading from it.
    sock = getattr(connection, "checked_socket", None)
    if sock is not None:
        with contextlib.suppress(OSError):  # already closed
            sock.shutdown(socket.SHUT_RDWR)
