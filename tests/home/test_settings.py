import os
import subprocess
import sys

from django.conf import settings


def import_settings(module, **env):
    environment = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    environment.update(env, DJANGO_SETTINGS_MODULE=module)
    return subprocess.run(  # noqa: S603 - our own interpreter and settings
        [sys.executable, "-c", "import django; django.setup()"],
        env=environment,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = import_settings("emancipasso.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY doit être défini" in result.stderr


def test_production_starts_with_a_secret_key():
    result = import_settings("emancipasso.settings.production", SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr


def test_french_first():
    assert settings.LANGUAGE_CODE == "fr"
    assert settings.TIME_ZONE == "Europe/Paris"
