"""A provider's own admin space: its dashboard, its short edit form, where it lands after
submitting, the e-mails it receives and its contact requests."""

from datetime import date

import pytest
from django.core import mail
from django.utils import timezone

from directory.models import ProviderPage
from directory.permissions import grant_provider_access
from tests.directory import test_provider_permissions as permission_tests
from tests.directory.test_provider_permissions import edit_url, post_edit
from tests.factories.directory import ContactRequestFactory, ProviderPageFactory
from tests.helpers import assert_query_budget

# Two profiles A and B, their providers, an editor and a moderator, built once for the module;
# their directory, where the tests add profiles.
world_rows = permission_tests.world_rows
world = permission_tests.world
directory = permission_tests.directory

MODERATOR_FIELDS = ("slug", "seo_title", "search_description", "show_in_menus")
SCHEDULE_FIELDS = ("go_live_at", "expire_at")


def provider(directory, title, **kwargs):
    return ProviderPageFactory(parent=directory, title=title, offerings=["diagnostic"], **kwargs)


def submit(client, page):
    response = post_edit(client, page, page.title, "action-submit")
    assert response.status_code == 302, response.context["form"].errors
    assert ProviderPage.objects.get(pk=page.pk).workflow_in_progress


def request_changes(client, world, page):
    """The moderator sends the provider's submitted changes back."""
    client.force_login(world["moderator"])
    task_state = ProviderPage.objects.get(pk=page.pk).current_workflow_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{page.pk}/reject/{task_state.pk}/",
        {"comment": "Précisez vos tarifs."},
    )
    assert response.status_code in (200, 302)


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def profile_block(html, title):
    """The part of the dashboard about one profile, from its heading to the next one."""
    start = html.index(f">{title}</h3>")
    return html[start : html.find("</article>", start)]


def test_the_dashboard_says_where_each_profile_stands(client, world, directory):
    user = world["provider_a"]
    draft = provider(directory, "Structure C", live=False)
    draft.first_published_at = None
    draft.save()
    in_review = provider(directory, "Structure D")
    sent_back = provider(directory, "Structure E")
    for page in (draft, in_review, sent_back):
        grant_provider_access(user, page)
    world["A"].last_reviewed = date(2026, 3, 14)
    world["A"].save()
    ContactRequestFactory.create_batch(2, provider=world["A"])
    ContactRequestFactory(provider=world["A"], answered_at=timezone.now())
    ContactRequestFactory(provider=world["B"])
    client.force_login(user)
    submit(client, in_review)
    submit(client, sent_back)
    request_changes(client, world, sent_back)

    html = dashboard(client, user)

    live = profile_block(html, "Structure A")
    assert "En ligne" in live
    assert "14 mars 2026" in live
    assert "2 demandes sans réponse" in live
    assert f'href="{edit_url(world["A"])}"' in live
    assert "Modifier ma fiche" in live
    assert "Brouillon jamais publié" in profile_block(html, "Structure C")
    assert "En attente de relecture" in profile_block(html, "Structure D")
    assert "Modifications demandées" in profile_block(html, "Structure E")
    assert "Aucune demande en attente de réponse" in profile_block(html, "Structure E")
    assert "Structure B" not in html
    assert 'href="/admin/directory/contactrequest/"' in html


@pytest.mark.parametrize("who", ["editor", "moderator"])
def test_other_roles_keep_their_own_dashboard(client, world, who):
    html = dashboard(client, world[who])
    assert "Modifier ma fiche" not in html


def test_the_dashboard_costs_the_same_queries_whatever_the_profiles(client, world, directory):
    user = world["provider_a"]
    client.force_login(user)

    def more_profiles_requests_and_reviews():
        for n in range(3):
            page = provider(directory, f"Autre structure {n}")
            grant_provider_access(user, page)
            ContactRequestFactory.create_batch(2, provider=page)
            submit(client, page)

    # Budget: 13 for the admin around it (session, user, groups, permissions, profile, page,
    # collection and site permissions, the site and locale), 1 asking whether the account is
    # told of undelivered e-mails (outbox/dashboard.py), 1 for every profile at once.
    response = assert_query_budget(client, "/admin/", 15, more_profiles_requests_and_reviews)
    assert response.content.decode().count("Modifier ma fiche") == 4


def test_a_providers_edit_form_has_only_what_it_maintains(client, world):
    client.force_login(world["provider_a"])
    html = client.get(edit_url(world["A"])).content.decode()
    for name in (*MODERATOR_FIELDS, *SCHEDULE_FIELDS):
        assert f'name="{name}"' not in html, name
    assert 'name="title"' in html
    assert 'name="contact_email"' in html


def test_moderators_keep_every_field(client, world):
    client.force_login(world["moderator"])
    html = client.get(edit_url(world["A"])).content.decode()
    for name in (*MODERATOR_FIELDS, *SCHEDULE_FIELDS):
        assert f'name="{name}"' in html, name


def test_a_provider_cannot_post_an_address_a_schedule_or_seo(client, world):
    client.force_login(world["provider_a"])
    response = post_edit(
        client,
        world["A"],
        "Structure A",
        "action-submit",
        slug="adresse-piratee",
        go_live_at="2030-01-01 10:00",
        expire_at="2030-02-01 10:00",
        seo_title="Titre piraté",
        show_in_menus="on",
    )
    assert response.status_code == 302
    submitted = ProviderPage.objects.get(pk=world["A"].pk).get_latest_revision_as_object()
    assert submitted.slug == "structure-a"
    assert submitted.go_live_at is None
    assert submitted.expire_at is None
    assert submitted.seo_title == ""
    assert not submitted.show_in_menus


def test_after_submitting_a_provider_lands_on_its_dashboard_with_a_plain_message(client, world):
    client.force_login(world["provider_a"])
    response = post_edit(client, world["A"], "Structure A", "action-submit")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    html = client.get("/admin/").content.decode()
    assert "l&#x27;équipe de modération Emancip&#x27;Asso" in html.replace("L&#x27;", "l&#x27;")
    assert "sous quelques jours ouvrés" in html
    assert "par courriel" in html
    assert "submitted" not in html.lower()
    assert "En attente de relecture" in profile_block(html, "Structure A")


def test_saving_a_draft_keeps_the_provider_on_its_form(client, world):
    client.force_login(world["provider_a"])
    response = post_edit(client, world["A"], "Structure A", "action-save")
    assert response.status_code == 302
    assert response["Location"] == edit_url(world["A"])


def test_an_editor_submitting_keeps_wagtails_way(client, world):
    client.force_login(world["editor"])
    response = post_edit(client, world["A"], "Structure A", "action-submit")
    assert response.status_code == 302
    assert response["Location"] != "/admin/"


def mail_to(address):
    messages = [message for message in mail.outbox if message.to == [address]]
    assert len(messages) == 1, [message.subject for message in mail.outbox]
    return messages[0]


def test_the_provider_is_told_in_plain_french_when_changes_are_sent_back(client, world):
    client.force_login(world["provider_a"])
    submit(client, world["A"])
    mail.outbox.clear()
    request_changes(client, world, world["A"])

    message = mail_to("a@example.org")
    assert message.subject == "Quelques changements demandés pour « Structure A »"
    body = message.body
    assert body.startswith("Bonjour prestataire-a,")
    assert "L'équipe de modération Emancip'Asso a relu" in body
    assert "Message de moderateur :\nPrécisez vos tarifs." in body
    assert f"http://testserver{edit_url(world['A'])}" in body
    assert "http://testserver/admin/account/#tab-notifications" in body
    for generic in ("rejected", "workflow", "Hello", "&#x27;"):
        assert generic not in body


def test_the_provider_is_told_in_plain_french_when_changes_are_published(client, world):
    client.force_login(world["provider_a"])
    submit(client, world["A"])
    mail.outbox.clear()
    client.force_login(world["moderator"])
    task_state = ProviderPage.objects.get(pk=world["A"].pk).current_workflow_task_state
    client.post(
        f"/admin/pages/workflow/action/{world['A'].pk}/approve/{task_state.pk}/", {"comment": ""}
    )

    message = mail_to("a@example.org")
    assert message.subject == "Vos modifications de « Structure A » sont publiées"
    assert "elles sont maintenant en ligne" in message.body
    assert "http://testserver/annuaire/structure-a/" in message.body
    for generic in ("approved", "workflow", "Hello", "&#x27;"):
        assert generic not in message.body


def test_a_provider_replies_from_the_list_and_the_request(client, world):
    contact_request = ContactRequestFactory(
        provider=world["A"], association_name="Les Amis d'Élise", email="elise@asso.example.org"
    )
    mailto = (
        "mailto:elise@asso.example.org?subject=Re%3A%20votre%20demande%20%C3%A0%20"
        "Structure%20A%20via%20Emancip%27Asso"
    )
    client.force_login(world["provider_a"])
    listing = client.get("/admin/directory/contactrequest/").content.decode()
    detail = client.get(f"/admin/directory/contactrequest/inspect/{contact_request.pk}/")
    assert f'href="{mailto}"' in listing
    assert f'href="{mailto}"' in detail.content.decode()
    for label in ("Reçue le", "Type de demande", "Répondue ?", "Prise de contact"):
        assert label in listing, label


def test_the_public_footer_leads_providers_to_their_login(client, world):
    html = client.get("/annuaire/structure-a/").content.decode()
    assert '<a href="/admin/login/">Espace prestataire</a>' in html
