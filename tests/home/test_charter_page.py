"""The demo's "Charte et critères de sélection": built on the competencies a provider brings
and on what makes an ethical host, linked from the directory and its application form, and
loaded once however many times the demo is."""

import io
import re

import pytest
from django.core.management import call_command
from wagtail.models import Page

from directory.models import DirectoryIndexPage
from home.models import StandardPage

CHARTER_URL = "/charte-de-l-annuaire/"


def load_demo():
    call_command("load_demo_content", stdout=io.StringIO())


def visible_text(html):
    main = html[html.index("<main") : html.index("</main>")]
    # Tags give way to nothing, and only ASCII blanks are collapsed: a non-breaking space
    # must survive for the typography check.
    return re.sub(r"[ \t\n]+", " ", re.sub(r"<[^>]+>", "", main)).replace("&#x27;", "'")


@pytest.mark.django_db
def test_the_charter_is_loaded_once_and_linked_from_the_directory(client, demo_site):
    load_demo()  # a second time: the fixture loaded it once
    assert Page.objects.filter(slug="charte-de-l-annuaire").count() == 1
    charter = StandardPage.objects.get(slug="charte-de-l-annuaire")
    assert charter.live
    assert DirectoryIndexPage.objects.get().charter_page_id == charter.pk

    directory = client.get("/annuaire/", HTTP_HOST="127.0.0.1").content.decode()
    assert f'<a href="{CHARTER_URL}">Comment les structures sont choisies</a>' in directory
    form = client.get("/annuaire/referencer/", HTTP_HOST="127.0.0.1").content.decode()
    assert f'href="{CHARTER_URL}"' in form

    text = visible_text(client.get(CHARTER_URL, HTTP_HOST="127.0.0.1").content.decode())
    for competency in (
        "Le diagnostic",
        "L'analyse des besoins",
        "Les financements et le cahier des charges",
        "L'installation et la migration",
        "les référent·es",
        "Le support et la documentation",
        "La médiation",
    ):
        assert competency in text
    for criterion in ("logiciels libres", "formats ouverts", "monnaie d'échange", "CHATONS"):
        assert criterion in text
    assert (
        'href="/annuaire/referencer/"'
        in client.get(CHARTER_URL, HTTP_HOST="127.0.0.1").content.decode()
    )
    # French typography: a non-breaking space before the high punctuation, never a plain one.
    assert not re.search(r" [:;?!]", text.replace("\u00a0", "~"))
