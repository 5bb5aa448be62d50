"""The admin says « circuit de validation », never « workflow »: the project's catalogue
(locale/, first in LOCALE_PATHS) replaces the French entries of Wagtail that use the word."""

import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import wagtail
from django.conf import settings
from django.utils import translation
from django.utils.translation import trans_real

PROJECT_CATALOGUE = Path(settings.BASE_DIR) / "locale/fr/LC_MESSAGES"
# The bare word, not the placeholders %(workflow)s or {workflow_name} of the messages.
BARE_WORD = re.compile(r"(?<![(\{_\w])workflows?(?![\w)}])", re.IGNORECASE)


def wagtail_catalogues():
    return sorted(Path(wagtail.__file__).parent.glob("**/locale/fr/LC_MESSAGES/django.mo"))


def test_wagtail_french_words_for_workflows_are_replaced():
    with translation.override("fr"):
        assert translation.gettext("Workflows") == "Circuits de validation"
        assert translation.gettext("Workflow tasks") == "Tâches des circuits de validation"
        assert translation.gettext("Locked by workflow") == (
            "Verrouillé(e) par un circuit de validation"
        )


def test_no_french_message_of_wagtail_still_says_workflow():
    """Fails after a Wagtail upgrade that brings new messages: redo locale/ (see its header)."""
    merged = trans_real.translation("fr")._catalog
    left = []
    for path in wagtail_catalogues():
        with path.open("rb") as file:
            keys = gettext.GNUTranslations(file)._catalog.keys()
        # Only the messages of the installed Wagtail apps are in the merged catalogue.
        left += [key for key in keys if key and BARE_WORD.search(str(merged.get(key, "")))]
    assert left == []


def menu_labels(html):
    props = re.search(r'<script id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    return re.findall(r'"label": "([^"]*)"', props.group(1))


def test_the_admin_menu_says_circuits_de_validation(client, django_user_model, db):
    admin = django_user_model.objects.create_superuser("chef", "chef@example.org", "x-Long-42")
    client.force_login(admin)
    labels = menu_labels(client.get("/admin/").content.decode())
    assert "Circuits de validation" in labels
    assert [label for label in labels if BARE_WORD.search(label)] == []


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="msgfmt (gettext) n'est pas installé")
def test_the_compiled_catalogue_is_the_source_compiled(tmp_path):
    compiled = tmp_path / "django.mo"
    subprocess.run(
        ["msgfmt", "--check", "-o", str(compiled), str(PROJECT_CATALOGUE / "django.po")],
        check=True,
    )
    assert compiled.read_bytes() == (PROJECT_CATALOGUE / "django.mo").read_bytes()
