"""In the admin, an account lists only the images and documents it could edit."""

import json

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, CollectionViewRestriction, GroupCollectionPermission
from wagtail_factories import DocumentFactory, ImageFactory

from directory.permissions import PROVIDERS_GROUP
from home.demo_tools import ensure_user
from home.groups import EDITORS

pytestmark = pytest.mark.django_db


@pytest.fixture
def accounts(home_page):
    provider = ensure_user(
        "prestataire",
        "mot-de-passe",
        email="p@example.org",
        groups=[Group.objects.get(name=PROVIDERS_GROUP)],
    )
    # The same rights as a provider on images, without the provider's admin allow-list.
    uploaders = Group.objects.create(name="Dépôt d'images")
    uploaders.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_image", "choose_image"):
        GroupCollectionPermission.objects.create(
            group=uploaders,
            collection=Collection.get_first_root_node(),
            permission=Permission.objects.get(codename=codename),
        )
    uploader = ensure_user("depot", "mot-de-passe", email="d@example.org", groups=[uploaders])
    editor = ensure_user(
        "editrice", "mot-de-passe", email="e@example.org", groups=[Group.objects.get(name=EDITORS)]
    )
    return {"provider": provider, "uploader": uploader, "editor": editor}


@pytest.fixture
def uploads(accounts):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Interne")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    ImageFactory(
        title="Logo du prestataire", collection=root, uploaded_by_user=accounts["provider"]
    )
    ImageFactory(title="Logo du dépôt", collection=root, uploaded_by_user=accounts["uploader"])
    ImageFactory(title="Photo interne", collection=private, uploaded_by_user=accounts["editor"])
    DocumentFactory(
        title="Compte rendu du bureau", collection=private, uploaded_by_user=accounts["editor"]
    )


TITLES = ("Logo du prestataire", "Logo du dépôt", "Photo interne", "Compte rendu du bureau")


def listed_titles(client, url):
    """The upload titles an admin view shows: API items, or a chooser's HTML; none if refused."""
    response = client.get(url)
    if response.status_code in (302, 403):
        return set()
    data = json.loads(response.content)
    if "items" in data:
        return {item["title"] for item in data["items"]}
    return {title for title in TITLES if title in data["html"]}


ADMIN_API_IMAGES = "/admin/api/main/images/"
ADMIN_API_DOCUMENTS = "/admin/api/main/documents/"
IMAGE_CHOOSER = "/admin/images/chooser/"
DOCUMENT_CHOOSER = "/admin/documents/chooser/"


@pytest.mark.parametrize("account", ["provider", "uploader"])
def test_an_account_that_may_only_add_images_lists_its_own(client, accounts, uploads, account):
    client.force_login(accounts[account])
    own = {"provider": "Logo du prestataire", "uploader": "Logo du dépôt"}[account]
    assert listed_titles(client, IMAGE_CHOOSER) == {own}
    assert listed_titles(client, ADMIN_API_IMAGES) <= {own}
    assert listed_titles(client, ADMIN_API_DOCUMENTS) == set()
    assert listed_titles(client, DOCUMENT_CHOOSER) == set()


def test_the_admin_api_lists_only_the_uploaders_own_images(client, accounts, uploads):
    """Without the provider allow-list in the way, the API itself filters."""
    client.force_login(accounts["uploader"])
    assert listed_titles(client, ADMIN_API_IMAGES) == {"Logo du dépôt"}
    searched = client.get(f"{ADMIN_API_DOCUMENTS}?search=bureau")
    assert searched.status_code == 200
    assert "Compte rendu" not in searched.content.decode()


def test_an_editor_still_lists_every_upload(client, accounts, uploads):
    client.force_login(accounts["editor"])
    every_image = {"Logo du prestataire", "Logo du dépôt", "Photo interne"}
    assert listed_titles(client, IMAGE_CHOOSER) == every_image
    assert listed_titles(client, ADMIN_API_IMAGES) == every_image
    assert listed_titles(client, ADMIN_API_DOCUMENTS) == {"Compte rendu du bureau"}
    assert listed_titles(client, DOCUMENT_CHOOSER) == {"Compte rendu du bureau"}
