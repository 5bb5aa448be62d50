"""The address a request really comes from, behind the reverse proxies we trust.

Behind nginx every request arrives from the proxy's address: the visitor's address is the
right-most entry of X-Forwarded-For that was not added by one of our own proxies. Entries to
its left were written by the client and are never trusted. Without a trusted proxy
(`TRUSTED_PROXIES` empty, as on a laptop) the header is ignored altogether.
The rate limits of public forms and the login lockout both key on this one function.
"""

import ipaddress

from django.conf import settings


def _networks():
    return [ipaddress.ip_network(entry, strict=False) for entry in settings.TRUSTED_PROXIES]


def _is_trusted(address, networks):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_ip(request):
    """The visitor's IP address as a string (REMOTE_ADDR unless a trusted proxy relayed it)."""
    remote = request.META.get("REMOTE_ADDR", "")
    networks = _networks()
    if not networks or not _is_trusted(remote, networks):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _is_trusted(hop, networks):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return remote  # a malformed entry: fall back to the proxy, never to a guess
    return remote
