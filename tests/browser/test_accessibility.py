"""WCAG 2.1 A/AA on every discovered page: axe-core, keyboard, headings, labels."""

from tests.browser.gates import assert_no_failures


def test_discovery_finds_the_foundation_pages(site_pages):
    labels = [page.label for page in site_pages]
    assert "home.HomePage /" in labels
    assert "home.StandardPage /a-propos/" in labels
    assert "search" in labels
    assert "404" in labels


def test_axe_finds_no_wcag_violation(page_reports):
    assert_no_failures(
        {
            page.label: [
                f"{v['id']} ({v['impact']}) {v['help']} : {', '.join(v['nodes'])}"
                for v in report.axe_violations
            ]
            for page, report in page_reports.items()
        },
        "axe-core WCAG 2.1 A/AA",
    )


def test_skip_link_is_the_first_tab_stop_and_visible(page_reports):
    failures = {}
    for page, report in page_reports.items():
        focused = report.first_tab_stop
        if not focused["isSkipLink"]:
            failures[page.label] = f"premier arrêt de tabulation : {focused['element']}"
        elif not (focused["onScreen"] and focused["outlined"]):
            failures[page.label] = "lien d'évitement invisible quand il a le focus"
    assert_no_failures(failures, "Le lien d'évitement est le premier arrêt de tabulation")


def test_skip_link_moves_focus_to_main(page_reports):
    failures = {}
    for page, report in page_reports.items():
        target = report.first_tab_stop["href"]
        focused = report.after_skip_link
        if not focused["isMain"] or target != f"#{focused['mainId']}":
            failures[page.label] = f"lien {target}, focus ensuite sur {focused['element']}"
    assert_no_failures(failures, "Le lien d'évitement amène le focus sur <main>")


def test_focus_is_visible_on_every_focusable_element(page_reports):
    assert_no_failures(
        {page.label: report.invisible_focus for page, report in page_reports.items()},
        "Focus visible",
    )


def heading_problems(headings):
    """One h1, and no level skipped on the way down (h2 then h4 is a skip)."""
    levels = [level for level, _text in headings]
    problems = []
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} titres h1")
    previous = 0
    for level, text in headings:
        if level > previous + 1:
            problems.append(f"h{level} « {text} » après h{previous}")
        previous = level
    return problems


def test_heading_problems_are_detected():
    assert heading_problems([(1, "a"), (2, "b"), (3, "c"), (2, "d")]) == []
    assert heading_problems([(1, "a"), (3, "c")]) == ["h3 « c » après h1"]
    assert heading_problems([(2, "b")]) == ["0 titres h1", "h2 « b » après h0"]


def test_headings_are_in_order(page_reports):
    assert_no_failures(
        {page.label: heading_problems(report.headings) for page, report in page_reports.items()},
        "Titres dans l'ordre (un h1, aucun niveau sauté)",
    )


def test_every_form_control_has_a_label(page_reports):
    assert_no_failures(
        {page.label: report.unlabelled_controls for page, report in page_reports.items()},
        "Chaque champ a un intitulé",
    )
