"""Access to a profile follows the page itself: no slug, name or deleted page hands it over.

Each test replays an attack found in review: a provider renamed or deleted, then a newcomer
approved under the same name, must not reach the old profile or its messages.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page

from directory.models import ProviderApplication, ProviderMaintainer, ProviderPage
from directory.onboarding import approve_application
from directory.permissions import grant_provider_access
from home.demo_tools import ensure_user
from home.groups import MODERATORS
from tests.factories.directory import (
    ContactRequestFactory,
    ProviderApplicationFactory,
    ProviderPageFactory,
)
from tests.helpers import member_of


@pytest.fixture
def moderator(db):
    return member_of(MODERATORS, "moderatrice")


@pytest.fixture
def victim(directory):
    page = ProviderPageFactory(
        parent=directory,
        title="Libre Ouest",
        slug="libre-ouest",
        contact_email="secret@ouest.example.org",
    )
    owner = ensure_user("victime", "mdp-test", email="victime@ouest.example.org")
    grant_provider_access(owner, page)
    ContactRequestFactory(provider=page, association_name="Asso confidentielle")
    return page


def approve_newcomer(moderator, name):
    application = ProviderApplicationFactory(
        structure_name=name, contact_email=f"{name.split()[0].lower()}@intrus.example.org"
    )
    approve_application(application.pk, moderator)
    application.refresh_from_db()
    return application.account, ProviderPage.objects.get(pk=application.provider_page_id)


def assert_cannot_reach(client, user, page):
    client.force_login(user)
    assert not page.permissions_for_user(user).can_edit()
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    client.post(
        f"/admin/pages/{page.pk}/edit/",
        {"title": "Prise", "contact_email": "pirate@example.org", "action-submit": "1"},
    )
    page.refresh_from_db()
    assert page.contact_email != "pirate@example.org"
    assert not page.has_unpublished_changes
    listing = client.get("/admin/directory/contactrequest/").content.decode()
    assert "Asso confidentielle" not in listing


def test_a_newcomer_named_after_a_renamed_profile_gets_its_own_page_only(
    client, directory, victim, moderator
):
    victim.slug = "ouest-libre"
    victim.save_revision().publish()
    intruder, own_page = approve_newcomer(moderator, "Libre Ouest")
    assert own_page.pk != victim.pk
    assert own_page.slug == "libre-ouest"  # the old slug is free again, and that changes nothing
    assert own_page.permissions_for_user(intruder).can_edit()
    assert_cannot_reach(client, intruder, victim)


def test_deleting_a_profile_takes_its_access_with_it(client, directory, victim, moderator):
    draft = ProviderPageFactory(
        parent=directory, title="Coop Brouillon", slug="coop-brouillon", live=False
    )
    former = ensure_user("ancien", "mdp-test", email="ancien@example.org")
    grant_provider_access(former, draft)
    draft.delete()
    assert not ProviderMaintainer.objects.filter(user=former).exists()

    intruder, own_page = approve_newcomer(moderator, "Coop Brouillon")
    assert own_page.slug == "coop-brouillon"
    assert not own_page.permissions_for_user(former).can_edit()
    assert list(own_page.maintainers.values_list("user", flat=True)) == [intruder.pk]
    assert_cannot_reach(client, intruder, victim)


def test_moving_a_profile_keeps_its_maintainers_and_no_one_else(directory, home_page, victim):
    other_index = home_page.add_child(instance=Page(title="Archives", slug="archives"))
    Page.objects.get(pk=victim.pk).move(other_index, pos="last-child")
    owner = get_user_model().objects.get(username="victime")
    moved = ProviderPage.objects.get(pk=victim.pk)
    assert moved.permissions_for_user(owner).can_edit()
    assert not other_index.permissions_for_user(owner).can_edit()


def test_approvals_create_no_group(directory, moderator):
    before = set(Group.objects.values_list("name", flat=True))
    for name in ("Structure Une", "Structure Deux", "Structure Trois"):
        approve_newcomer(moderator, name)
    assert set(Group.objects.values_list("name", flat=True)) == before
    assert ProviderApplication.objects.filter(status="approved").count() == 3


def test_several_people_of_one_structure_share_a_profile(client, directory, victim):
    colleague = ensure_user("collegue", "mdp-test", email="collegue@ouest.example.org")
    grant_provider_access(colleague, victim)
    client.force_login(colleague)
    assert client.get(f"/admin/pages/{victim.pk}/edit/").status_code == 200
    assert "Asso confidentielle" in client.get("/admin/directory/contactrequest/").content.decode()


@pytest.mark.parametrize("action", ["delete", "move", "unpublish", "privacy", "copy"])
def test_a_maintainer_cannot_delete_move_or_unpublish_its_profile(client, directory, action):
    draft = ProviderPageFactory(parent=directory, title="Nouvelle", slug="nouvelle", live=False)
    owner = ensure_user("nouvelle", "mdp-test", email="n@example.org")
    grant_provider_access(owner, draft)
    client.force_login(owner)
    response = client.get(f"/admin/pages/{draft.pk}/{action}/")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    client.post(f"/admin/pages/{draft.pk}/delete/")
    assert Page.objects.filter(pk=draft.pk).exists()


def test_a_providers_menu_offers_only_what_it_may_open(client, victim):
    owner = get_user_model().objects.get(username="victime")
    client.force_login(owner)
    dashboard = client.get("/admin/").content.decode()
    assert "/admin/directory/contactrequest/" in dashboard
    for refused in ("/admin/images/", "/admin/reports/", "/admin/pages/search/"):
        assert f'"url": "{refused}' not in dashboard and f'href="{refused}"' not in dashboard
    assert "explorer" not in re.findall(r'"name": "([a-z-]+)"', dashboard)
