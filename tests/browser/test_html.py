"""The HTML of every page parses cleanly, with unique ids."""

from tests.browser.gates import assert_no_failures
from tests.browser.htmlcheck import html_problems

VALID_PAGE = (
    '<!DOCTYPE html><html lang="fr"><head><title>t</title></head>'
    '<body><p id="a">x</p></body></html>'
)


def test_check_finds_unclosed_elements_stray_tags_and_duplicate_ids():
    assert html_problems(VALID_PAGE) == []
    broken = VALID_PAGE.replace('<p id="a">x</p>', '<div><p id="a">x</span><p id="a">y</p>')
    problems = html_problems(broken)
    assert any("unexpected-end-tag" in problem for problem in problems)
    assert any("'expectedName': 'div'" in problem for problem in problems)
    assert "id « a » utilisé 2 fois" in problems


def test_every_page_is_valid_html(page_reports):
    assert_no_failures(
        {page.label: html_problems(report.html) for page, report in page_reports.items()},
        "HTML valide",
    )
