from django.conf import settings

from tests.helpers import run_project_python


def import_settings(module, **env):
    return run_project_python(
        ["-c", "import django; django.setup()"], module, drop=["SECRET_KEY"], **env
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = import_settings("emancipasso.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY doit être défini" in result.stderr


def test_production_starts_with_a_secret_key_and_the_site_address():
    result = import_settings(
        "emancipasso.settings.production", SECRET_KEY="x" * 50, SITE_URL="https://hub.example.org"
    )
    assert result.returncode == 0, result.stderr


def test_french_first():
    assert settings.LANGUAGE_CODE == "fr"
    assert settings.TIME_ZONE == "Europe/Paris"
