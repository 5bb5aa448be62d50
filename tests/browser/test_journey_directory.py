"""A provider edits its profile and submits it, a moderator approves, the directory shows it;
the provider cannot open another provider's page."""

import pytest

from directory.demo import DEMO_ACCOUNTS, PROVIDER_PASSWORD
from directory.models import ProviderPage
from guides.demo import MODERATOR_LOGIN
from home.groups import MODERATION_WORKFLOW_NAME
from tests.browser.admin import log_in, run_footer_action, sign_in
from tests.browser.inspection import open_context

NEW_INTRODUCTION = (
    "Nous accompagnons les associations bretonnes de la première réunion jusqu'à la formation "
    "des bénévoles, avec des services hébergés en Bretagne."
)


@pytest.fixture
def provider_pages(demo_site):
    """The demo provider's own page and another provider's; its introduction restored after."""
    (username, own_slug), (_other_user, other_slug) = DEMO_ACCOUNTS[:2]
    own = ProviderPage.objects.get(slug=own_slug)
    other = ProviderPage.objects.get(slug=other_slug)
    introduction = own.introduction
    yield username, own, other
    own = ProviderPage.objects.get(pk=own.pk)
    own.introduction = introduction
    own.save_revision().publish()


@pytest.fixture
def tabs(browser, demo_site):
    """One context per person: the provider, the moderator, an anonymous visitor."""
    contexts = [open_context(browser, demo_site.url) for _person in range(3)]
    yield [context.new_page() for context in contexts]
    for context in contexts:
        context.close()


def test_provider_edits_moderator_approves_directory_shows_it(tabs, provider_pages, demo_site):
    provider, moderator, visitor = tabs
    username, own, other = provider_pages

    log_in(provider, username, PROVIDER_PASSWORD)
    provider.goto(f"/admin/pages/{own.pk}/edit/")
    provider.fill("#id_introduction", NEW_INTRODUCTION)
    run_footer_action(provider, f"Soumettre à {MODERATION_WORKFLOW_NAME}")
    assert "modération" in provider.locator(".messages").inner_text()
    visitor.goto(own.url)
    assert NEW_INTRODUCTION not in visitor.locator("main").inner_text()

    sign_in(moderator, demo_site.url, MODERATOR_LOGIN[0])
    moderator.goto(f"/admin/pages/{own.pk}/edit/")
    run_footer_action(moderator, "Approuver et Publier")

    visitor.goto(own.url)
    assert NEW_INTRODUCTION in visitor.locator("main").inner_text()
    visitor.goto(f"{own.get_parent().url}?q={own.title}")
    card = visitor.locator(".provider-card").filter(has_text=own.title)
    assert NEW_INTRODUCTION[:60] in card.inner_text()


def test_provider_cannot_open_another_providers_page(tabs, provider_pages, demo_site):
    provider = tabs[0]
    username, own, other = provider_pages
    sign_in(provider, demo_site.url, username)
    provider.goto(f"/admin/pages/{other.pk}/edit/")
    assert provider.locator("form#page-edit-form").count() == 0
    assert provider.url.endswith("/admin/")
    assert "pas les autorisations" in provider.locator(".messages").inner_text()
    provider.goto(f"/admin/pages/{own.pk}/edit/")
    assert provider.locator("form#page-edit-form").count() == 1
