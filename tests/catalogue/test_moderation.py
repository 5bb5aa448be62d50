"""Catalogue entries are moderated: an editor's change reaches the site only once approved.

The attack this guards against: an editor set an alternative's website to a phishing address
and it was shown at once on "Remplacer Gmail".
"""

import pytest
from django.urls import reverse
from wagtail.models import Revision
from wagtail.search import index

from catalogue.models import FreeAlternative, ProprietaryService
from home.groups import EDITORS, MODERATORS
from tests.factories.catalogue import (
    CategoryFactory,
    FreeAlternativeFactory,
    ProprietaryServiceFactory,
)
from tests.factories.directory import DirectoryIndexPageFactory, ProviderPageFactory
from tests.factories.guides import GuideIndexPageFactory, GuidePageFactory

pytestmark = pytest.mark.django_db

OFFICIAL = "https://www.thunderbird.net"
PHISHING = "https://thunderbird-connexion.example.com/login"
GMAIL_PAGE = "/alternatives/remplacer/gmail/"


def url(model, view, *args):
    return reverse(f"wagtailsnippets_catalogue_{model._meta.model_name}:{view}", args=args)


def alternative_form(alternative, **changes):
    """The admin form of an alternative as an editor would send it back, with some changes."""
    data = {
        "name": alternative.name,
        "slug": alternative.slug,
        "description": alternative.description,
        "category": alternative.category_id,
        "replaces": [service.pk for service in alternative.replaces.all()],
        "licence": alternative.licence,
        "website": alternative.website,
        "difficulty": alternative.difficulty,
    }
    if alternative.self_hostable:
        data["self_hostable"] = "on"
    data.update(changes)
    return data


@pytest.fixture
def gmail(catalogue_index):
    mail = CategoryFactory(name="Courrier électronique", slug="courriel")
    return ProprietaryServiceFactory(name="Gmail", slug="gmail", vendor="Google", category=mail)


@pytest.fixture
def thunderbird(gmail):
    return FreeAlternativeFactory(
        name="Thunderbird",
        slug="thunderbird",
        website=OFFICIAL,
        category=gmail.category,
        replaces=[gmail],
    )


def test_an_editor_cannot_publish_a_phishing_website(client, log_in_as, thunderbird):
    log_in_as(EDITORS)
    edit_url = url(FreeAlternative, "edit", thunderbird.pk)

    response = client.post(
        edit_url, alternative_form(thunderbird, website=PHISHING, **{"action-publish": "on"})
    )
    assert response.status_code == 302  # taken as "save draft": the editor may not publish

    thunderbird.refresh_from_db()
    assert thunderbird.website == OFFICIAL
    assert thunderbird.has_unpublished_changes
    assert thunderbird.latest_revision.as_object().website == PHISHING
    page = client.get(GMAIL_PAGE).content.decode()
    assert f'href="{OFFICIAL}"' in page
    assert PHISHING not in page


def test_a_change_goes_live_once_a_moderator_approves_it(client, log_in_as, thunderbird):
    log_in_as(EDITORS)
    response = client.post(
        url(FreeAlternative, "edit", thunderbird.pk),
        alternative_form(thunderbird, website=PHISHING, **{"action-submit": "on"}),
    )
    assert response.status_code == 302
    thunderbird.refresh_from_db()
    assert thunderbird.workflow_in_progress
    assert PHISHING not in client.get(GMAIL_PAGE).content.decode()

    task_state = thunderbird.current_workflow_task_state
    approve_url = url(FreeAlternative, "workflow_action", thunderbird.pk, "approve", task_state.pk)
    client.post(approve_url)  # editors do not review: refused
    thunderbird.refresh_from_db()
    assert thunderbird.workflow_in_progress and thunderbird.website == OFFICIAL
    assert PHISHING not in client.get(GMAIL_PAGE).content.decode()

    log_in_as(MODERATORS)
    client.post(approve_url)
    thunderbird.refresh_from_db()
    assert thunderbird.website == PHISHING
    assert not thunderbird.has_unpublished_changes
    assert f'href="{PHISHING}"' in client.get(GMAIL_PAGE).content.decode()


def test_an_entry_in_moderation_is_locked_for_editors(client, log_in_as, thunderbird):
    log_in_as(EDITORS)
    edit_url = url(FreeAlternative, "edit", thunderbird.pk)
    client.post(edit_url, alternative_form(thunderbird, **{"action-submit": "on"}))
    revisions = Revision.objects.for_instance(thunderbird).count()

    client.post(edit_url, alternative_form(thunderbird, website=PHISHING))

    assert Revision.objects.for_instance(thunderbird).count() == revisions
    thunderbird.refresh_from_db()
    assert thunderbird.latest_revision.as_object().website == OFFICIAL


def test_a_moderator_locks_an_entry_and_the_editor_cannot_change_it(client, log_in_as, thunderbird):
    editor = log_in_as(EDITORS)
    client.post(url(FreeAlternative, "lock", thunderbird.pk))  # refused: editors do not lock
    thunderbird.refresh_from_db()
    assert not thunderbird.locked

    log_in_as(MODERATORS)
    client.post(url(FreeAlternative, "lock", thunderbird.pk))
    thunderbird.refresh_from_db()
    assert thunderbird.locked

    client.force_login(editor)
    edit_url = url(FreeAlternative, "edit", thunderbird.pk)
    response = client.post(edit_url, alternative_form(thunderbird, website=PHISHING))
    assert "verrouill" in response.content.decode()
    assert not Revision.objects.for_instance(thunderbird).exists()
    client.post(url(FreeAlternative, "unlock", thunderbird.pk))  # refused as well
    thunderbird.refresh_from_db()
    assert thunderbird.locked and thunderbird.website == OFFICIAL


@pytest.fixture
def draft_alternative(client, log_in_as, gmail):
    """An alternative an editor created and submitted, that nobody has approved yet."""
    log_in_as(EDITORS)
    response = client.post(
        url(FreeAlternative, "add"),
        {
            "name": "Courrielleur Piège",
            "slug": "courrielleur-piege",
            "description": "Un webmail qui n'existe pas.",
            "category": gmail.category_id,
            "replaces": [gmail.pk],
            "licence": "AGPL-3.0",
            "website": PHISHING,
            "difficulty": 1,
            "action-submit": "on",
        },
    )
    assert response.status_code == 302
    client.logout()
    draft = FreeAlternative.objects.get(slug="courrielleur-piege")
    assert not draft.live and draft.workflow_in_progress
    return draft


def test_a_new_alternative_is_not_in_the_catalogue_until_published(
    client, draft_alternative, thunderbird
):
    for path in ("/alternatives/", GMAIL_PAGE):
        html = client.get(path).content.decode()
        assert "Thunderbird" in html, path
        assert "Courrielleur Piège" not in html and PHISHING not in html, path


def test_a_draft_service_has_no_page_and_is_not_in_the_sitemap(
    client, log_in_as, gmail, thunderbird
):
    log_in_as(EDITORS)
    client.post(
        url(ProprietaryService, "add"),
        {
            "name": "Messagerie Fantôme",
            "slug": "messagerie-fantome",
            "vendor": "Personne",
            "category": gmail.category_id,
            "cost": "Rien, puisqu'elle n'existe pas.",
        },
    )
    assert not ProprietaryService.objects.get(slug="messagerie-fantome").live
    client.logout()

    assert client.get("/alternatives/remplacer/messagerie-fantome/").status_code == 404
    assert "Messagerie Fantôme" not in client.get("/alternatives/").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/alternatives/remplacer/gmail/" in sitemap
    assert "messagerie-fantome" not in sitemap


def test_the_preview_shows_the_draft_while_the_site_keeps_the_live_version(
    client, log_in_as, thunderbird
):
    log_in_as(EDITORS)
    preview_url = url(FreeAlternative, "preview_on_edit", thunderbird.pk)
    data = alternative_form(thunderbird, website=PHISHING)
    assert client.post(preview_url, data).json() == {"is_valid": True, "is_available": True}
    assert f'href="{PHISHING}"' in client.get(preview_url).content.decode()
    assert PHISHING not in client.get(GMAIL_PAGE).content.decode()


def test_a_provider_profile_and_the_directory_ignore_a_draft_tool(
    client, home_page, draft_alternative, thunderbird
):
    directory = DirectoryIndexPageFactory(parent=home_page)
    provider = ProviderPageFactory(
        parent=directory, title="Les Libristes", slug="les-libristes", tools=[thunderbird]
    )
    decoy = ProviderPageFactory(
        parent=directory, title="Structure Leurre", slug="leurre", tools=[draft_alternative]
    )

    profile = client.get("/annuaire/leurre/").content.decode()
    assert "Courrielleur Piège" not in profile and PHISHING not in profile
    listing = client.get("/annuaire/").content.decode()
    assert 'value="thunderbird"' in listing and "courrielleur-piege" not in listing
    filtered = client.get("/annuaire/", {"outil": "courrielleur-piege"}).content.decode()
    assert "Les Libristes" in filtered  # an unknown tool filters nothing out
    for page in (provider, decoy):
        index.insert_or_update_object(page)  # what the queued task does once the save commits
    assert "Les Libristes" in client.get("/annuaire/", {"q": "Thunderbird"}).content.decode()
    searched = client.get("/annuaire/", {"q": "Courrielleur"}).content.decode()
    assert "Structure Leurre" not in searched
    gmail_page = client.get(GMAIL_PAGE).content.decode()
    assert "Les Libristes" in gmail_page and "Structure Leurre" not in gmail_page
    api = client.get(f"/api/v2/pages/{decoy.pk}/").json()
    assert api["tools"] == []
    assert client.get(f"/api/v2/pages/{provider.pk}/").json()["tools"] == [
        {"id": thunderbird.pk, "meta": {"type": "catalogue.FreeAlternative"}}
    ]


def test_a_guide_leaves_out_a_draft_alternative(client, home_page, draft_alternative, thunderbird):
    guides = GuideIndexPageFactory(parent=home_page)
    block = {
        "title": "Remplacer Gmail",
        "service": thunderbird.replaces.get().pk,
        "alternatives": [thunderbird.pk, draft_alternative.pk],
    }
    GuidePageFactory(
        parent=guides, slug="quitter-gmail", body=[{"type": "alternatives", "value": block}]
    )

    html = client.get("/guides/quitter-gmail/").content.decode()
    assert f'href="{OFFICIAL}"' in html
    assert "Courrielleur Piège" not in html and PHISHING not in html
