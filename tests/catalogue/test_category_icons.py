"""Each use of the catalogue has a pictogram: chosen on the category, drawn from one sprite."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string

from catalogue.models.entries import CategoryIcon
from tests.factories.catalogue import CategoryFactory, ProprietaryServiceFactory

SPRITE = Path(settings.BASE_DIR) / "static" / "img" / "icons.svg"
DEMO = Path(settings.BASE_DIR) / "demo" / "catalogue.json"


def test_every_icon_choice_is_drawn_in_the_sprite():
    symbols = set(re.findall(r'<symbol id="([^"]+)"', SPRITE.read_text()))
    assert symbols == set(CategoryIcon.values)


def test_the_sprite_stays_small_and_self_contained():
    sprite = SPRITE.read_text()
    assert len(sprite.encode()) < 4000
    assert "<script" not in sprite and "style=" not in sprite
    assert re.findall(r"https?://", sprite) == ["http://"]  # the SVG namespace only


def test_every_demo_category_has_its_own_icon():
    categories = json.loads(DEMO.read_text())["snippets"]["catalogue.Category"]
    icons = [category.get("icon") for category in categories]
    assert all(icon in CategoryIcon.values and icon != CategoryIcon.TOOL for icon in icons)
    assert len(set(icons)) == len(icons)


@pytest.mark.django_db
def test_the_category_heading_shows_its_icon_hidden_from_screen_readers():
    category = CategoryFactory(name="Visio", icon=CategoryIcon.VIDEO_CALL)
    ProprietaryServiceFactory(name="Zoom", category=category, live=True)
    html = render_to_string("pages/catalogue/category_section.html", {"category": category})
    heading = re.search(r"<h2[^>]*>(.*?)</h2>", html, re.S).group(1)
    assert '<svg class="icon" aria-hidden="true" focusable="false">' in heading
    assert '<use href="/static/img/icons.svg#visio"></use>' in heading
    assert heading.endswith("Visio")


@pytest.mark.django_db
def test_a_category_without_a_chosen_icon_gets_the_general_one():
    category = CategoryFactory(name="Autre", icon="")
    html = render_to_string("pages/catalogue/category_section.html", {"category": category})
    assert 'href="/static/img/icons.svg#outil"' in html
