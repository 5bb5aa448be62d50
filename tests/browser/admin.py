"""Steps in the Wagtail admin that several journeys share."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client


def log_in(tab, username, password):
    """Log into the Wagtail admin through its form and land on the dashboard."""
    tab.goto("/admin/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", password)
    with tab.expect_navigation():
        tab.locator("form button[type=submit]").click()
    assert tab.url.endswith("/admin/"), f"connexion refusée pour {username} ({tab.url})"


def sign_in(tab, site_url, username):
    """Open a session for `username` in the tab's context without the log-in form.

    The form is walked through once (the directory journey's provider, `log_in`); the other
    people of the journeys start signed in, which spares each one the form and the dashboard.
    """
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    tab.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": site_url}]
    )


def run_footer_action(tab, name):
    """Open the footer's « Plus d'actions » menu of an edit page and choose an action."""
    tab.get_by_role("button", name="Plus d'actions").click()
    with tab.expect_navigation():
        tab.get_by_role("button", name=name, exact=True).click()


def add_stream_block(tab, field, label):
    """Append a block of the given type (its label in the block picker) to a StreamField."""
    tab.locator(f"#{field}-root button[title='Insérer un bloc']").last.click()
    tab.get_by_role("option", name=label, exact=True).click()
