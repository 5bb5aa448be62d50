"""With JavaScript off, every page still shows its content and every GET form still works."""

import pytest

from tests.browser.discovery import SEARCH_QUERY
from tests.browser.gates import assert_no_failures
from tests.browser.inspection import open_context

MIN_MAIN_TEXT = 40


def test_every_page_renders_its_main_content(noscript_reports):
    failures = {}
    for page, report in noscript_reports.items():
        if report.status != page.expected_status:
            failures[page.label] = f"statut {report.status}"
        elif report.h1_count != 1 or len(report.main_text) < MIN_MAIN_TEXT:
            failures[page.label] = f"{report.h1_count} h1, {len(report.main_text)} caractères"
    assert_no_failures(failures, "Contenu principal sans JavaScript")


def get_forms(noscript_reports):
    """Each distinct GET form (same action, same fields) once, with a page that holds it."""
    forms = {}
    for page, report in noscript_reports.items():
        for form in report.forms:
            if form["method"] == "get":
                forms.setdefault((form["action"], tuple(form["fields"])), (page, form))
    return list(forms.values())


@pytest.fixture
def tab_without_javascript(browser, demo_site):
    """One tab with JavaScript off for every GET form (a context per form cost Chromium a
    renderer process each): a GET form's answer depends on no earlier visit."""
    context = open_context(browser, demo_site.url, javascript=False)
    yield context.new_page()
    context.close()


def submit_without_javascript(tab, page, form):
    """Fill the first text field (if any), press the form's submit button; return the problem."""
    tab.goto(page.path)
    element = tab.locator("form").nth(form["index"])
    text_field = element.locator("input[type=search], input[type=text]").first
    filled = text_field.get_attribute("name") if text_field.count() else None
    if filled:
        text_field.fill(SEARCH_QUERY)
    submit = element.locator("button:not([type=button]), input[type=submit]")
    if submit.count() == 0:
        return "aucun bouton d'envoi"
    with tab.expect_navigation() as navigation:
        submit.first.click()
    response = navigation.value
    if response.status != 200:
        return f"statut {response.status} sur {response.url}"
    if filled and f"{filled}={SEARCH_QUERY}" not in response.url:
        return f"le champ {filled} n'est pas dans l'adresse {response.url}"
    if len(tab.locator("main").inner_text()) < MIN_MAIN_TEXT:
        return "page de résultat vide"
    return ""


def test_every_get_form_works(tab_without_javascript, noscript_reports):
    forms = get_forms(noscript_reports)
    assert forms, "aucun formulaire GET trouvé (la recherche de l'en-tête devrait l'être)"
    assert_no_failures(
        {
            f"{page.label} formulaire {form['action'] or '(même page)'}": submit_without_javascript(
                tab_without_javascript, page, form
            )
            for page, form in forms
        },
        "Formulaires GET sans JavaScript",
    )
