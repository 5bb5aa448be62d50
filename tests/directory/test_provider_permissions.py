"""A provider edits its own profile only, and its changes wait for a moderator.

Every check goes through the admin views a person would use, not only the permission API.
"""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from directory.models import DirectoryIndexPage, ProviderPage
from directory.permissions import grant_provider_access
from guides.models import GuideIndexPage, GuidePage
from home.demo_tools import ensure_home_page, ensure_user
from home.groups import EDITORS, MODERATORS
from tests.factories.catalogue import CategoryFactory, FreeAlternativeFactory
from tests.factories.directory import (
    ContactRequestFactory,
    DirectoryIndexPageFactory,
    ProviderPageFactory,
)
from tests.helpers import (
    assert_query_budget,
    read_again,
    shared_test_data,
    without_index_updates,
)

PASSWORD = "un-mot-de-passe-de-test"


def build_world():
    home_page = ensure_home_page()
    directory = DirectoryIndexPageFactory(parent=home_page)
    provider_a = ProviderPageFactory(
        parent=directory, title="Structure A", slug="structure-a", offerings=["diagnostic"]
    )
    provider_b = ProviderPageFactory(parent=directory, title="Structure B", slug="structure-b")
    guide_index = home_page.add_child(instance=GuideIndexPage(title="Guides", slug="guides"))
    guide = GuidePage(title="Un guide", slug="un-guide", authors="Framasoft", body=[])
    guide_index.add_child(instance=guide)
    guide.topics.add(CategoryFactory(name="Courriel", slug="courriel"))
    guide.save_revision().publish()
    user_a = ensure_user("prestataire-a", PASSWORD, email="a@example.org")
    user_b = ensure_user("prestataire-b", PASSWORD, email="b@example.org")
    grant_provider_access(user_a, provider_a)
    grant_provider_access(user_b, provider_b)
    editor = ensure_user(
        "editrice", PASSWORD, email="e@example.org", groups=[Group.objects.get(name=EDITORS)]
    )
    moderator = ensure_user(
        "moderateur", PASSWORD, email="m@example.org", groups=[Group.objects.get(name=MODERATORS)]
    )
    return {
        "A": provider_a,
        "B": provider_b,
        "guide": guide,
        "provider_a": user_a,
        "editor": editor,
        "moderator": moderator,
    }


@pytest.fixture(scope="module")
def world_rows(django_db_setup, django_db_blocker):
    """The rows of `world`, built once for each module that uses it instead of once per test;
    what a test changes is rolled back after it."""
    with shared_test_data(django_db_blocker), without_index_updates():
        yield build_world()


@pytest.fixture
def world(db, world_rows):
    """Two profiles A and B, their providers, a guide, an editor and a moderator, read again
    for each test (`read_again`)."""
    return read_again(world_rows)


@pytest.fixture
def directory(db, world_rows):
    """The directory of `world`'s profiles (there is only one), instead of a new one."""
    return DirectoryIndexPage.objects.get()


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def post_edit(client, page, title, action, **overrides):
    """Submit the profile's edit form, as the admin sends it, with a new title."""
    data = nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "introduction": page.introduction,
            "structure_type": page.structure_type,
            "city": page.city,
            "description": rich_text("<p>Une présentation.</p>"),
            "support_level": page.support_level,
            "offer_type": page.offer_type,
            "languages": page.languages,
            "contact_email": page.contact_email,
            "last_reviewed": page.last_reviewed.isoformat(),
            "links": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    data["offerings"] = [str(pk) for pk in page.offerings.values_list("pk", flat=True)]
    data.update(overrides)
    data[action] = "1"
    return client.post(edit_url(page), data)


def live_title(page):
    return Page.objects.get(pk=page.pk).title


@pytest.mark.parametrize(
    ("who", "target", "can_edit"),
    [
        ("provider_a", "A", True),
        ("provider_a", "B", False),
        ("provider_a", "guide", False),
        ("editor", "A", True),
        ("editor", "guide", True),
        ("moderator", "A", True),
        ("moderator", "guide", True),
    ],
)
def test_who_can_open_the_edit_view(client, world, who, target, can_edit):
    client.force_login(world[who])
    response = client.get(edit_url(world[target]))
    if can_edit:
        assert response.status_code == 200
        assert response.context["page"].pk == world[target].pk
    else:
        assert response.status_code == 302
        assert response["Location"] == "/admin/"


def test_a_provider_cannot_post_changes_to_another_profile(client, world):
    client.force_login(world["provider_a"])
    response = client.post(edit_url(world["B"]), {"title": "Piratée", "action-publish": "1"})
    assert response.status_code == 302
    assert live_title(world["B"]) == "Structure B"
    assert not ProviderPage.objects.get(pk=world["B"].pk).has_unpublished_changes


@pytest.mark.parametrize("who", ["provider_a", "editor"])
def test_publishing_needs_a_moderator(client, world, who):
    client.force_login(world[who])
    edit_page = client.get(edit_url(world["A"]))
    assert b'name="action-publish"' not in edit_page.content
    response = post_edit(client, world["A"], "Structure A, nouveau nom", "action-publish")
    assert response.status_code == 302  # the form was valid: saved as a draft, not published
    page = ProviderPage.objects.get(pk=world["A"].pk)
    assert page.title == "Structure A"
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().title == "Structure A, nouveau nom"


def test_a_provider_submits_and_a_moderator_publishes(client, world):
    client.force_login(world["provider_a"])
    response = post_edit(client, world["A"], "Structure A, nouveau nom", "action-submit")
    assert response.status_code == 302
    page = ProviderPage.objects.get(pk=world["A"].pk)
    assert page.title == "Structure A"  # the public page still shows the old title
    assert page.workflow_in_progress
    assert client.get("/annuaire/structure-a/").context["page"].title == "Structure A"

    client.force_login(world["moderator"])
    task_state = page.current_workflow_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""}
    )
    assert response.status_code in (200, 302)
    assert live_title(page) == "Structure A, nouveau nom"


def test_the_moderator_publishes_directly(client, world):
    client.force_login(world["moderator"])
    assert post_edit(client, world["A"], "Structure A modérée", "action-publish").status_code == 302
    assert live_title(world["A"]) == "Structure A modérée"


OTHER_ADMIN_URLS = [
    "/admin/snippets/catalogue/freealternative/",
    "/admin/snippets/catalogue/category/",
    "/admin/settings/home/sitesettings/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/directory/providerapplication/",
    "/admin/pages/add/directory/providerpage/{directory}/",
]


@pytest.mark.parametrize("url", OTHER_ADMIN_URLS)
def test_a_provider_reaches_nothing_else_in_the_admin(client, world, directory, url):
    client.force_login(world["provider_a"])
    response = client.get(url.format(directory=directory.pk), follow=False)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == "/admin/"


@pytest.mark.parametrize("url", OTHER_ADMIN_URLS)
def test_those_admin_urls_exist_for_an_administrator(client, world, directory, admin_user, url):
    client.force_login(admin_user)
    response = client.get(url.format(directory=directory.pk))
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert response["Location"] != "/admin/"


def test_the_dashboard_greets_a_provider_with_its_profile_and_messages(client, world):
    client.force_login(world["provider_a"])
    html = client.get("/admin/").content.decode()
    assert "Bonjour" in html
    assert f'href="/admin/pages/{world["A"].pk}/edit/"' in html
    assert "Modifier ma fiche" in html
    assert "Structure B" not in html
    assert 'href="/admin/directory/contactrequest/"' in html


def test_the_dashboard_does_not_greet_editors_as_providers(client, world):
    client.force_login(world["editor"])
    assert "Lire les demandes de contact reçues" not in client.get("/admin/").content.decode()


def test_a_provider_reads_only_its_own_contact_requests(client, world):
    mine = ContactRequestFactory(provider=world["A"], association_name="Asso pour A")
    theirs = ContactRequestFactory(provider=world["B"], association_name="Asso pour B")
    client.force_login(world["provider_a"])
    listing = client.get("/admin/directory/contactrequest/").content.decode()
    assert "Asso pour A" in listing
    assert "Asso pour B" not in listing
    assert client.get(f"/admin/directory/contactrequest/inspect/{mine.pk}/").status_code == 200
    other = client.get(f"/admin/directory/contactrequest/inspect/{theirs.pk}/")
    assert other.status_code == 404  # looked up among its own requests only
    assert "Asso pour B" not in other.content.decode()
    assert client.get(f"/admin/directory/contactrequest/delete/{mine.pk}/").status_code in (
        302,
        403,
    )


def test_moderators_read_every_contact_request(client, world):
    ContactRequestFactory(provider=world["A"], association_name="Asso pour A")
    ContactRequestFactory(provider=world["B"], association_name="Asso pour B")
    client.force_login(world["moderator"])
    listing = client.get("/admin/directory/contactrequest/").content.decode()
    assert "Asso pour A" in listing
    assert "Asso pour B" in listing


def test_editors_do_not_read_contact_requests(client, world):
    ContactRequestFactory(provider=world["A"])
    client.force_login(world["editor"])
    assert client.get("/admin/directory/contactrequest/").status_code in (302, 403)


def test_the_contact_request_list_query_count_does_not_grow(client, world):
    client.force_login(world["provider_a"])
    url = "/admin/directory/contactrequest/"
    ContactRequestFactory.create_batch(3, provider=world["A"])
    # Budget: today's count plus two; the count stays the same with twice the requests.
    html = assert_query_budget(
        client, url, 18, lambda: ContactRequestFactory.create_batch(3, provider=world["A"])
    ).content.decode()
    assert len(set(re.findall(r"/admin/directory/contactrequest/inspect/\d+/", html))) == 6


def test_only_moderators_attest_chatons_membership(client, world):
    client.force_login(world["provider_a"])
    assert b'name="chatons_member"' not in client.get(edit_url(world["A"])).content
    data_with_claim = {"chatons_member": "on"}
    post_edit(client, world["A"], "Structure A", "action-submit", **data_with_claim)
    latest = ProviderPage.objects.get(pk=world["A"].pk).get_latest_revision_as_object()
    assert latest.chatons_member is False

    client.force_login(world["moderator"])
    assert b'name="chatons_member"' in client.get(edit_url(world["A"])).content


def test_the_review_date_cannot_be_in_the_future(client, world):
    client.force_login(world["provider_a"])
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = post_edit(
        client, world["A"], "Structure A", "action-submit", last_reviewed=tomorrow.isoformat()
    )
    assert response.status_code == 200
    assert "La date de relecture ne peut pas être dans le futur." in response.content.decode()
    assert (
        ProviderPage.objects.get(pk=world["A"].pk).get_latest_revision_as_object().last_reviewed
        != tomorrow
    )


def test_the_profile_editor_offers_published_tools_only(client, world):
    published = FreeAlternativeFactory(name="Outil publié")
    draft = FreeAlternativeFactory(name="Outil en brouillon", live=False)
    client.force_login(world["provider_a"])
    form = client.get(edit_url(world["A"])).context["form"]
    offered = set(form.fields["tools"].queryset)
    assert published in offered
    assert draft not in offered


def test_a_provider_says_itself_when_it_is_full(client, world):
    client.force_login(world["provider_a"])
    form = client.get(edit_url(world["A"])).content.decode()
    assert 'name="accepting_new_associations"' in form
    assert "Accepte de nouvelles associations en ce moment" in form
    # An unticked checkbox is absent from the form data: the provider is full.
    assert post_edit(client, world["A"], "Structure A", "action-draft").status_code == 302
    latest = ProviderPage.objects.get(pk=world["A"].pk).get_latest_revision_as_object()
    assert latest.accepting_new_associations is False
    reopened = {"accepting_new_associations": "on"}
    assert (
        post_edit(client, world["A"], "Structure A", "action-draft", **reopened).status_code == 302
    )
    latest = ProviderPage.objects.get(pk=world["A"].pk).get_latest_revision_as_object()
    assert latest.accepting_new_associations is True


def test_a_provider_describes_its_logo_in_the_image_choosers_upload_form(client, world):
    """The logo's alt text is the image's description, which the chooser's upload form asks."""
    client.force_login(world["provider_a"])
    chooser = client.get("/admin/images/chooser/").json()["html"]
    assert 'name="image-chooser-upload-description"' in chooser
    upload = get_test_image_file()
    response = client.post(
        "/admin/images/chooser/create/",
        {
            "image-chooser-upload-title": "Logo de la structure A",
            "image-chooser-upload-file": SimpleUploadedFile("logo.png", upload.file.getvalue()),
            "image-chooser-upload-description": "Un A blanc dans un cercle vert",
            "image-chooser-upload-collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200 and response.json()["step"] == "chosen"
    logo = Image.objects.get(title="Logo de la structure A")
    assert logo.description == "Un A blanc dans un cercle vert"
    response = post_edit(client, world["A"], "Structure A", "action-draft", logo=str(logo.pk))
    assert response.status_code == 302
    latest = ProviderPage.objects.get(pk=world["A"].pk).get_latest_revision_as_object()
    assert latest.logo == logo


def test_a_logo_without_description_is_refused_with_a_clear_message(client, world):
    logo = Image.objects.create(title="logo.png", file=get_test_image_file())
    client.force_login(world["moderator"])
    response = post_edit(client, world["A"], "Structure A", "action-draft", logo=str(logo.pk))
    assert response.status_code == 200
    assert "Décrivez ce logo dans le champ « description » de l&#x27;image" in (
        response.content.decode()
    )
    assert ProviderPage.objects.get(pk=world["A"].pk).get_latest_revision_as_object().logo is None
