"""Steps in the Wagtail admin that several journeys share."""


def log_in(tab, username, password):
    """Log into the Wagtail admin and land on the dashboard."""
    tab.goto("/admin/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", password)
    with tab.expect_navigation():
        tab.locator("form button[type=submit]").click()
    assert tab.url.endswith("/admin/"), f"connexion refusée pour {username} ({tab.url})"


def run_footer_action(tab, name):
    """Open the footer's « Plus d'actions » menu of an edit page and choose an action."""
    tab.get_by_role("button", name="Plus d'actions").click()
    with tab.expect_navigation():
        tab.get_by_role("button", name=name, exact=True).click()


def add_stream_block(tab, field, label):
    """Append a block of the given type (its label in the block picker) to a StreamField."""
    tab.locator(f"#{field}-root button[title='Insérer un bloc']").last.click()
    tab.get_by_role("option", name=label, exact=True).click()
