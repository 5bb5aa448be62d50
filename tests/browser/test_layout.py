"""Every discovered page, at 1280 px and 390 px: header, main and footer span the viewport,
nothing scrolls sideways, nothing covers text. A screenshot of each page that fails is kept as
a file of the run (see layout.SCREENSHOT_DIR); BROWSER_SCREENSHOTS=<folder> keeps one of every
page at each width: look at them after changing a template."""

import pytest

from tests.browser.gates import assert_no_failures


@pytest.fixture(scope="session")
def layouts(page_reports):
    """Each page measured at each width during its visit: {(page, device): Layout}."""
    return {
        (page, device): layout
        for page, report in page_reports.items()
        for device, layout in report.layouts.items()
    }


def each_layout(layouts, problem_of):
    return {
        f"{page.label} ({device}, {layout.width} px)": problem_of(layout)
        for (page, device), layout in layouts.items()
    }


def test_header_main_and_footer_span_the_viewport(layouts):
    assert_no_failures(
        each_layout(layouts, lambda layout: " ; ".join(layout.spanning_problems())),
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
