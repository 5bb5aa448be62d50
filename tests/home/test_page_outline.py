"""A long standard page lists its sections beside the text; every summary link lands."""

import re

import pytest

from home.templatetags.outline_tags import outline
from tests.factories.home import StandardPageFactory, rich_text

NBSP = "\u00a0"


def test_headings_without_an_id_receive_one_and_ids_are_kept():
    html = (
        '<h2 id="deja">Déjà là</h2><p>x</p><h2>Vos <b>droits</b></h2><h2 class="a">Vos droits</h2>'
    )
    body = outline(html)
    assert body.sections == [
        ("deja", "Déjà là"),
        ("vos-droits", "Vos droits"),
        ("vos-droits-2", "Vos droits"),
    ]
    assert '<h2 id="vos-droits">Vos <b>droits</b></h2>' in body.html
    assert '<h2 id="vos-droits-2" class="a">Vos droits</h2>' in body.html
    assert '<h2 id="deja">' in body.html


def test_an_anchor_never_repeats_an_id_already_in_the_body():
    body = outline('<p id="contact">x</p><h2>Contact</h2>')
    assert body.sections == [("contact-2", "Contact")]


def test_a_quoted_angle_bracket_in_an_attribute_does_not_cut_the_heading():
    body = outline('<h2 title="a > b">Titre</h2>')
    assert body.sections == [("titre", "Titre")]
    assert body.html == '<h2 id="titre" title="a > b">Titre</h2>'


def long_page(home_page, headings):
    body = [
        ("paragraph", rich_text(f"<h2>{title}</h2><p>Texte : suite.</p>")) for title in headings
    ]
    return StandardPageFactory(
        parent=home_page, title="Mentions légales ?", slug="mentions", body=body
    )


@pytest.mark.django_db
def test_a_long_page_has_its_summary_beside_the_text(client, home_page):
    long_page(home_page, ["Éditeur", "Hébergeur", "Vos droits"])
    html = client.get("/mentions/").content.decode()
    assert '<article class="article with-aside">' in html
    summary = re.search(r'<nav class="with-aside__aside".*?</nav>', html, re.S).group()
    anchors = re.findall(r'href="#([^"]+)"', summary)
    assert anchors == ["editeur", "hebergeur", "vos-droits"]
    for anchor in anchors:
        assert f'<h2 id="{anchor}">' in html
    assert f"Texte{NBSP}: suite." in html
    assert "<h1>Mentions légales\u202f?</h1>" in html


@pytest.mark.django_db
def test_a_short_page_has_no_summary(client, home_page):
    long_page(home_page, ["Éditeur", "Hébergeur"])
    html = client.get("/mentions/").content.decode()
    assert "with-aside__aside" not in html and 'class="article"' in html
