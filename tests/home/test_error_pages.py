"""The error pages: 503 while the database cannot be reached, 500 for anything else; both
rendered without the database.

A page's first read of the database is the site it is for (home/site_lookup.py, on a cache
miss): the faults are raised there."""

from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.test import Client


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False, HTTP_HOST="127.0.0.1")


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("connection to server at 127.0.0.1, port 5432 failed"),
        OperationalError("canceling statement due to statement timeout"),
        InterfaceError("connection already closed"),
    ],
)
def test_an_unreachable_database_gives_a_friendly_503(visitor, error):
    with mock.patch("home.site_lookup.site_for_request", side_effect=error):
        response = visitor.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "momentanément indisponible" in page
    assert "revient de lui-même" in page
    assert "5432" not in page


def test_any_other_fault_gives_the_500_page(visitor):
    with mock.patch("home.site_lookup.site_for_request", side_effect=ValueError("bogue")):
        response = visitor.get("/")
    assert response.status_code == 500
    assert "Le site rencontre un problème" in response.content.decode()
