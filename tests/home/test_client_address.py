"""The client address behind trusted proxies: a forged X-Forwarded-For never picks the key."""

import pytest
from django.test import RequestFactory

from home.client_address import client_ip


def request_from(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_without_trusted_proxy_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(request_from("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_behind_the_proxy_the_visitor_address_is_taken_from_the_header(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_ip(request_from("127.0.0.1", "198.51.100.1")) == "198.51.100.1"


def test_entries_written_by_the_client_are_not_believed(settings):
    """A visitor sends 'X-Forwarded-For: 1.2.3.4'; nginx appends its real address."""
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    forwarded = "1.2.3.4, 198.51.100.7, 10.0.0.2"
    assert client_ip(request_from("127.0.0.1", forwarded)) == "198.51.100.7"


def test_an_untrusted_sender_cannot_choose_its_address(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_ip(request_from("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


@pytest.mark.parametrize("forwarded", ["", "not-an-address", "127.0.0.1"])
def test_missing_or_malformed_header_falls_back_to_the_proxy(settings, forwarded):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_ip(request_from("127.0.0.1", forwarded)) == "127.0.0.1"


def test_ipv6_visitors_are_normalised(settings):
    settings.TRUSTED_PROXIES = ["::1"]
    assert client_ip(request_from("::1", "2001:DB8:0:0::1")) == "2001:db8::1"
