"""Each page stays light: few requests, few kilobytes, a small DOM, EcoIndex grade A (the table
is printed)."""

from tests.browser import ecoindex
from tests.browser.gates import assert_no_failures

MAX_REQUESTS = 25
MAX_KILOBYTES = 200
MAX_DOM_ELEMENTS = 1000


def test_pages_stay_under_the_request_budget(page_reports):
    assert_no_failures(
        {
            page.label: f"{report.requests} requêtes" if report.requests > MAX_REQUESTS else ""
            for page, report in page_reports.items()
        },
        f"Au plus {MAX_REQUESTS} requêtes",
    )


def test_pages_stay_under_the_weight_budget(page_reports):
    assert_no_failures(
        {
            page.label: f"{report.kilobytes:.1f} Ko" if report.kilobytes > MAX_KILOBYTES else ""
            for page, report in page_reports.items()
        },
        f"Au plus {MAX_KILOBYTES} Ko hors images",
    )


def test_pages_stay_under_the_dom_budget(page_reports):
    assert_no_failures(
        {
            page.label: f"{report.dom_elements} éléments"
            if report.dom_elements > MAX_DOM_ELEMENTS
            else ""
            for page, report in page_reports.items()
        },
        f"Au plus {MAX_DOM_ELEMENTS} éléments dans le DOM",
    )


def test_every_page_earns_ecoindex_grade_a(page_reports):
    assert_no_failures(
        {
            page.label: f"{report.ecoindex} ({ecoindex.grade(report.ecoindex)}) : "
            f"{report.dom_elements} éléments, {report.requests} requêtes, "
            f"{report.bytes_total / 1024:.1f} Ko"
            if ecoindex.grade(report.ecoindex) != "A"
            else ""
            for page, report in page_reports.items()
        },
        "EcoIndex A (plus de 80) sur chaque page",
    )


def test_figures_are_measured(page_reports):
    """A broken measure (0 request, 0 byte) would let every budget pass."""
    for report in page_reports.values():
        assert report.requests >= 2
        assert report.bytes_without_images > 1000
        assert report.bytes_total >= report.bytes_without_images
        assert report.dom_elements > 20
