"""Every discovered page, at 1280 px and 390 px: header, main and footer span the viewport,
nothing scrolls sideways, nothing covers text. A screenshot of each is kept as a file of the
run (see layout.SCREENSHOT_DIR): look at them after changing a template."""

import pytest

from tests.browser.gates import assert_no_failures
from tests.browser.layout import WIDTHS, measure_layout


@pytest.fixture(scope="session")
def layouts(demo_site, browser, site_pages, django_db_blocker):
    """Each page measured once at each width: {(page, device): Layout}."""
    with django_db_blocker.unblock():
        return {
            (page, device): measure_layout(browser, demo_site.url, page, device)
            for page in site_pages
            for device in WIDTHS
        }


def each_layout(layouts, problem_of):
    return {
        f"{page.label} ({device}, {layout.width} px)": problem_of(layout)
        for (page, device), layout in layouts.items()
    }


def spanning_problems(layout):
    """A printable document (no header and no footer, by design) only needs its main."""
    problems = layout.landmarks_not_spanning()
    if layout.landmarks["header"] is None and layout.landmarks["footer"] is None:
        problems = [p for p in problems if "<main>" in p]
    return " ; ".join(problems)


def test_header_main_and_footer_span_the_viewport(layouts):
    assert_no_failures(
        each_layout(layouts, spanning_problems),
        "L'en-tête, le contenu et le pied de page occupent toute la largeur",
    )


def test_nothing_scrolls_sideways(layouts):
    assert_no_failures(
        each_layout(
            layouts,
            lambda layout: (
                f"{layout.scroll_width} px de large pour {layout.viewport} px d'écran"
                if layout.scroll_width > layout.viewport
                else ""
            ),
        ),
        "Aucun défilement horizontal",
    )


def test_nothing_covers_text(layouts):
    assert_no_failures(
        each_layout(layouts, lambda layout: " ; ".join(layout.overlaps)),
        "Aucun élément ne recouvre un texte",
    )
