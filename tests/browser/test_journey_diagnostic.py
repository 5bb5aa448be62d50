"""An association runs the diagnostic, opens a matching provider's profile, comes back and
sends its plan to two providers; each provider logs in and finds the request with the plan.

The sports club of the issue: in Ille-et-Vilaine, on Gmail, WhatsApp and Facebook, wishing to
be accompanied. The demo's two provider accounts maintain the two profiles it picks.
"""

import re

import pytest

from directory.demo import DEMO_ACCOUNTS
from directory.models import ContactRequest, ProviderPage
from tests.browser.admin import sign_in
from tests.browser.inspection import open_context

ASSOCIATION = "Union sportive de Vitré (parcours navigateur)"


@pytest.fixture
def providers(demo_site):
    """(username, profile) of both demo provider accounts; their requests removed after."""
    accounts = [(username, ProviderPage.objects.get(slug=slug)) for username, slug in DEMO_ACCOUNTS]
    yield accounts[:2]
    ContactRequest.objects.filter(association_name=ASSOCIATION).delete()


@pytest.fixture
def tabs(browser, demo_site):
    """One context per person: the association, then each provider."""
    contexts = [open_context(browser, demo_site.url) for _person in range(3)]
    yield [context.new_page() for context in contexts]
    for context in contexts:
        context.close()


def run_the_diagnostic(tab):
    tab.goto("/passer-au-libre/")
    for tool in ("gmail", "whatsapp", "facebook"):
        tab.check(f"#outil-{tool}")
    tab.fill("#diagnostic-departement", "35")
    tab.check("#souhait-accompagnement")
    with tab.expect_navigation():
        tab.get_by_role("button", name="Voir mon plan").click()


def test_an_association_asks_two_providers_who_each_find_the_plan(tabs, providers, demo_site):
    association, *provider_tabs = tabs
    (_first_user, first), (_second_user, second) = providers

    run_the_diagnostic(association)
    result_url = association.url
    matches = association.locator(".matches")
    for profile in (first, second):
        assert matches.get_by_role("link", name=profile.title, exact=True).count() == 1

    with association.expect_navigation():
        matches.get_by_role("link", name=first.title, exact=True).click()
    assert association.locator("h1").inner_text() == first.title
    association.go_back()
    assert association.url == result_url

    form = association.locator("form.support-form").first
    for profile in (first, second):
        form.get_by_label(profile.title, exact=True).check()
    form.get_by_label("Nom de votre association").fill(ASSOCIATION)
    form.get_by_label("Adresse e-mail où vous répondre").fill("bureau@usv.example.org")
    form.get_by_label("Votre message").fill("Nous voulons quitter Gmail et WhatsApp cette saison.")
    form.get_by_label(re.compile("J'accepte que ces structures")).check()
    with association.expect_navigation():
        form.get_by_role("button", name="Envoyer ma demande").click()
    confirmation = association.locator("main").inner_text()
    assert "elle part par courriel dans quelques minutes" in confirmation
    assert first.title in confirmation and second.title in confirmation

    for (username, profile), tab in zip(providers, provider_tabs, strict=True):
        sign_in(tab, demo_site.url, username)
        tab.goto("/admin/directory/contactrequest/")
        rows = tab.locator("tbody tr").filter(has_text=ASSOCIATION)
        assert rows.count() == 1  # its own request only, not the other provider's
        assert profile.title in rows.inner_text()
        with tab.expect_navigation():
            rows.get_by_role("link", name="Inspecter").click()
        page_text = tab.locator("main").inner_text()
        assert "Le plan de l'association" in page_text
        assert "Gmail, WhatsApp, Facebook" in page_text
        assert "Ille-et-Vilaine (35), Bretagne" in page_text
        with tab.expect_navigation():
            tab.get_by_role("button", name="Marquer comme répondue").click()
        assert "marquée comme répondue" in tab.locator(".messages").inner_text()
