"""Each use of the catalogue has a pictogram: chosen on the category, drawn from one sprite.

The sprite is one file with a fragment per icon, applied by a class as a CSS mask: one request
for every icon of a page, and no element added to its DOM (the catalogue's EcoIndex)."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string

from catalogue.models.entries import CategoryIcon
from tests.factories.catalogue import CategoryFactory, ProprietaryServiceFactory

SPRITE = Path(settings.BASE_DIR) / "static" / "img" / "icons.svg"
STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "main.css"
DEMO = Path(settings.BASE_DIR) / "demo" / "catalogue.json"


def test_every_icon_choice_is_drawn_in_the_sprite():
    drawn = re.findall(r'<g id="([^"]+)"', SPRITE.read_text())
    assert sorted(drawn) == sorted(CategoryIcon.values)


def test_every_icon_choice_has_its_class_in_the_stylesheet():
    rules = dict(
        re.findall(r'\.icon-([a-z-]+) \{ --icon: url\("([^"]+)"\); \}', STYLESHEET.read_text())
    )
    assert rules == {icon: f"../img/icons.svg#{icon}" for icon in CategoryIcon.values}


def test_the_sprite_stays_small_and_self_contained():
    sprite = SPRITE.read_text()
    assert len(sprite.encode()) < 4000
    assert "<script" not in sprite and "style=" not in sprite and "<image" not in sprite
    assert re.findall(r"https?://", sprite) == ["http://"]  # the SVG namespace only


def test_every_demo_category_has_its_own_icon():
    categories = json.loads(DEMO.read_text())["snippets"]["catalogue.Category"]
    icons = [category.get("icon") for category in categories]
    assert all(icon in CategoryIcon.values and icon != CategoryIcon.TOOL for icon in icons)
    assert len(set(icons)) == len(icons)


def heading_of(category):
    html = render_to_string("pages/catalogue/category_section.html", {"category": category})
    return re.search(r"<h2 [^>]*>.*?</h2>", html, re.S).group()


@pytest.mark.django_db
def test_the_category_heading_carries_its_icon():
    category = CategoryFactory(name="Visio", icon=CategoryIcon.VIDEO_CALL)
    ProprietaryServiceFactory(name="Zoom", category=category, live=True)
    assert (
        heading_of(category)
        == f'<h2 id="{category.slug}-title" class="with-icon icon-visio">Visio</h2>'
    )


@pytest.mark.django_db
def test_a_category_without_a_chosen_icon_gets_the_general_one():
    category = CategoryFactory(name="Autre", icon="")
    assert 'class="with-icon icon-outil"' in heading_of(category)
