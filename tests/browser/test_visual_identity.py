"""The site's look in a real browser: the header on one row on a desktop screen, cards of a row
as tall as each other, the summary of a long page beside its text, the icons of the uses drawn."""

import pytest

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

BOXES = """selectors => selectors.map(selector => {
    const box = document.querySelector(selector).getBoundingClientRect();
    return {top: box.top, bottom: box.bottom, left: box.left, right: box.right};
})"""


@pytest.fixture
def tab(new_page):
    new_page.set_viewport_size(DESKTOP)
    return new_page


def test_the_header_holds_on_one_row_at_1280_px(tab):
    tab.goto("/guides/")
    brand, nav, search = tab.evaluate(
        BOXES, [".site-header__brand", ".main-nav", ".site-header__search"]
    )
    assert brand["right"] < nav["left"] < nav["right"] < search["left"]
    assert search["right"] <= DESKTOP["width"]
    for box in (nav, search):
        assert box["top"] < brand["bottom"] and brand["top"] < box["bottom"]


def test_on_a_phone_the_header_stacks_and_the_logo_keeps_its_mark(tab):
    tab.set_viewport_size(PHONE)
    tab.goto("/guides/")
    brand, mark, nav = tab.evaluate(
        BOXES, [".site-header__brand", ".site-header__mark", ".main-nav"]
    )
    assert nav["top"] >= brand["bottom"]
    assert mark["right"] - mark["left"] == 36
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_cards_of_a_row_are_as_tall_as_each_other(tab):
    """The bordered card, not only its grid cell: a guide card is an <article> in an <li>."""
    tab.goto("/")
    boxes = tab.evaluate(
        """() => [...document.querySelectorAll('.home-guides .card')].map(card => {
            const box = card.getBoundingClientRect();
            return [Math.round(box.top), Math.round(box.height)];
        })"""
    )
    first_row = [height for top, height in boxes if top == boxes[0][0]]
    assert len(first_row) >= 3
    assert len(set(first_row)) == 1


def test_a_long_legal_page_has_its_summary_beside_the_text_on_a_desktop(tab):
    tab.goto("/mentions-legales/")
    summary, text = tab.evaluate(BOXES, [".with-aside__aside", ".with-aside__layout > .stream"])
    assert summary["left"] >= text["right"]
    assert summary["top"] < text["bottom"]
    tab.set_viewport_size(PHONE)
    summary, text = tab.evaluate(BOXES, [".with-aside__aside", ".with-aside__layout > .stream"])
    assert summary["bottom"] <= text["top"]


def test_the_icons_of_the_uses_come_from_one_sprite(tab):
    """Each category heading of the catalogue shows its pictogram, all drawn from one file."""
    sprites = []
    tab.on("response", lambda response: "icons.svg" in response.url and sprites.append(response))
    tab.goto("/alternatives/")
    masks = tab.evaluate(
        """() => [...document.querySelectorAll('h2.with-icon')]
            .map(heading => getComputedStyle(heading, '::before').maskImage)"""
    )
    assert len(masks) >= 10
    assert all(mask.startswith('url("') and "/static/img/icons.svg#" in mask for mask in masks)
    assert len(set(masks)) == len(masks)
    tab.wait_for_load_state("networkidle")
    assert [response.status for response in sprites] == [200]
