import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from tests.helpers import fresh_settings


def production_settings(**env):
    return fresh_settings("emancipasso.settings.production", drop=["SECRET_KEY"], **env)


def test_production_refuses_to_start_without_a_secret_key():
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY doit être défini"):
        production_settings()


def test_production_starts_with_a_secret_key_and_the_site_address():
    """Django itself starts on these settings in test_security_headers.py (`check --deploy`)."""
    production = production_settings(SECRET_KEY="x" * 50, SITE_URL="https://hub.example.org")
    assert production.SECRET_KEY == "x" * 50
    assert production.WAGTAILADMIN_BASE_URL == "https://hub.example.org"


def test_french_first():
    assert settings.LANGUAGE_CODE == "fr"
    assert settings.TIME_ZONE == "Europe/Paris"
