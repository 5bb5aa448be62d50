"""Public POST forms (contact, registration...): sent empty, they answer with announced errors."""

from tests.browser.gates import assert_no_failures
from tests.browser.inspection import run_axe

ERRORS_JS = r"""
() => {
    const regions = Array.from(document.querySelectorAll('[role=alert], [aria-live]'));
    const invalid = Array.from(document.querySelectorAll('[aria-invalid=true]'));
    const describedItself = el => (el.getAttribute('aria-describedby') || '').split(/\s+/)
        .some(id => id && document.getElementById(id)
            && document.getElementById(id).textContent.trim());
    // A group of checkboxes or radios carries its error on its fieldset.
    const described = el => describedItself(el)
        || (el.closest('fieldset') !== null && describedItself(el.closest('fieldset')));
    return {
        announced: regions.map(region => region.textContent.trim()).filter(Boolean),
        invalid: invalid.map(el => el.name),
        undescribed: invalid.filter(el => !described(el)).map(el => el.name),
    };
}
"""


def required_post_forms(page_reports):
    """Each POST form with a required field, once per page and action."""
    forms = {}
    for page, report in page_reports.items():
        for form in report.forms:
            if form["method"] == "post" and form["required"]:
                forms.setdefault((page.path, form["action"]), (page, form))
    return list(forms.values())


def submit_empty(tab, page, form):
    """Send the form empty (the browser's own checks off) and list what the answer lacks."""
    tab.goto(page.path)
    element = tab.locator("form").nth(form["index"])
    element.evaluate("form => { form.noValidate = true; }")
    with tab.expect_navigation():
        element.locator("button:not([type=button]), input[type=submit]").first.click()
    result = tab.evaluate(ERRORS_JS)
    problems = []
    if not result["announced"]:
        problems.append("aucune erreur annoncée (role=alert ou aria-live)")
    if not result["invalid"]:
        problems.append("aucun champ marqué aria-invalid")
    if result["undescribed"]:
        problems.append(f"erreur non reliée au champ (aria-describedby) : {result['undescribed']}")
    problems += [f"axe : {violation['id']} {violation['nodes']}" for violation in run_axe(tab)]
    return problems


def test_empty_post_forms_show_announced_errors(new_page, page_reports):
    """All forms are sent from one tab (a context per form cost Chromium a renderer process
    each): an empty form's errors depend on no earlier visit, and the CSRF cookie stays valid."""
    forms = required_post_forms(page_reports)
    assert forms, "aucun formulaire POST public trouvé (contact, inscription...)"
    assert_no_failures(
        {
            f"{page.label} formulaire {form['action'] or '(même page)'}": submit_empty(
                new_page, page, form
            )
            for page, form in forms
        },
        "Formulaire envoyé vide : erreurs annoncées et reliées aux champs",
    )
