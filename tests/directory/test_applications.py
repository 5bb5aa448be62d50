"""Joining the directory: the public form, the moderators' list, approval and rejection."""

from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from wagtail.models import GroupPagePermission

from directory.models import Offering, ProviderApplication, ProviderPage, Region
from home.groups import EDITORS, MODERATORS
from home.models import SiteSettings
from outbox.models import OutgoingEmail
from tests.factories.directory import ProviderApplicationFactory
from tests.helpers import log_in, member_of

APPLY_URL = "/annuaire/referencer/"


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def moderator(db):
    return member_of(MODERATORS, "moderatrice")


@pytest.fixture
def editorial_address(site):
    settings = SiteSettings.for_site(site)
    settings.contact_email = "equipe@example.org"
    settings.save()
    return settings.contact_email


def application_data(**overrides):
    data = {
        "structure_name": "Coop Libre Ouest",
        "structure_type": "cooperative",
        "city": "Nantes",
        "website": "https://coop-libre.example.org",
        "summary": "Nous hébergeons et installons des outils libres pour les associations.",
        "offerings": [Offering.objects.get(slug="hebergement").pk],
        "regions": [Region.objects.get(slug="pays-de-la-loire").pk],
        "contact_name": "Alex Durand",
        "contact_email": "alex@coop-libre.example.org",
        "charter_accepted": "on",
        "site_web": "",
    }
    data.update(overrides)
    return data


def test_an_application_is_stored_and_the_team_notified(
    client, directory, editorial_address, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(APPLY_URL, application_data())
    assert response.status_code == 302
    assert response["Location"] == "/annuaire/referencer/merci/"
    application = ProviderApplication.objects.get()
    assert application.structure_name == "Coop Libre Ouest"
    assert application.status == ProviderApplication.Status.PENDING
    assert application.charter_accepted
    message = next(m for m in mail.outbox if m.to == [editorial_address])
    assert "Coop Libre Ouest" in message.subject
    assert f"/admin/directory/providerapplication/inspect/{application.pk}/" in message.body
    # The applicant gets its own acknowledgement (tests/directory/test_application_details.py).
    assert sorted(m.to[0] for m in mail.outbox) == [
        "alex@coop-libre.example.org",
        editorial_address,
    ]


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        (
            {"charter_accepted": ""},
            "L'annuaire n'accepte que les structures qui signent sa charte.",
        ),
        ({"contact_email": "alex"}, "Saisissez une adresse e-mail valide"),
        ({"offerings": []}, "Cochez au moins une prestation que vous proposez."),
        (
            {"regions": []},
            "Cochez au moins une région ou indiquez un département, ou que vous travaillez à "
            "distance.",
        ),
        ({"summary": "<script>alert('x')</script>"}, "sans balise HTML"),
        ({"site_web": "robot"}, "Votre envoi a été bloqué"),
    ],
)
def test_a_bad_application_is_refused_and_stores_nothing(client, directory, overrides, error):
    response = client.post(APPLY_URL, application_data(**overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert error in html.replace("&#x27;", "'")
    assert 'role="alert"' in html
    assert ProviderApplication.objects.count() == 0
    assert OutgoingEmail.objects.count() == 0


def test_applications_share_the_public_form_rate_limit(client, directory, settings):
    """Typos are free; past the limit of valid applications, a 429 and nothing stored."""
    settings.PUBLIC_FORM_SUBMISSION_RATE = "1/h"
    for _ in range(3):
        assert client.post(APPLY_URL, application_data(contact_email="alex")).status_code == 200
    assert client.post(APPLY_URL, application_data()).status_code == 302
    refused = client.post(APPLY_URL, application_data(structure_name="Deuxième essai"))
    assert refused.status_code == 429
    assert "Pour limiter les abus, réessayez dans" in refused.content.decode()
    assert list(ProviderApplication.objects.values_list("structure_name", flat=True)) == [
        "Coop Libre Ouest"
    ]
    assert OutgoingEmail.objects.count() == 2  # the team's notice and the acknowledgement


def test_the_directory_links_to_the_application_form_which_sets_no_cookie_before_use(
    client, directory
):
    listing = client.get("/annuaire/").content.decode()
    # A secondary link, after the results: associations come first on this page.
    assert listing.index('href="/annuaire/referencer/"') > listing.index("directory-count")
    form = client.get(APPLY_URL)
    assert form.status_code == 200
    assert "Référencer ma structure" in form.content.decode()


def test_moderators_list_applications_by_status_and_export_them(client, directory, moderator):
    ProviderApplicationFactory(structure_name="En attente SCOP")
    ProviderApplicationFactory(
        structure_name="Déjà refusée", status=ProviderApplication.Status.REJECTED
    )
    client.force_login(moderator)
    pending = client.get("/admin/directory/providerapplication/?status__exact=pending")
    html = pending.content.decode()
    assert "En attente SCOP" in html
    assert "Déjà refusée" not in html
    assert "Accepter" in html
    export = client.get("/admin/directory/providerapplication/?export=csv")
    content = (
        b"".join(export.streaming_content).decode()
        if export.streaming
        else (export.content.decode())
    )
    assert export["Content-Type"].startswith("text/csv")
    assert "En attente SCOP" in content
    assert "Déjà refusée" in content


def approve(client, application):
    return client.post(f"/admin/annuaire/demandes/{application.pk}/accepter/")


def test_approving_creates_account_draft_profile_permissions_and_invitation(
    client, directory, moderator, django_capture_on_commit_callbacks
):
    application = ProviderApplicationFactory(
        structure_name="Coop Libre Ouest",
        contact_email="alex@coop-libre.example.org",
        offerings=["hebergement", "diagnostic"],
    )
    application.regions.set([Region.objects.get(slug="bretagne")])
    client.force_login(moderator)
    confirmation = client.get(f"/admin/annuaire/demandes/{application.pk}/accepter/")
    assert "Accepter et envoyer l'invitation" in confirmation.content.decode().replace(
        "&#x27;", "'"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = approve(client, application)
    assert response.status_code == 302

    application.refresh_from_db()
    assert application.status == ProviderApplication.Status.APPROVED
    assert application.reviewed_by == moderator
    user = get_user_model().objects.get(email="alex@coop-libre.example.org")
    assert application.account == user
    assert not user.has_usable_password()
    page = ProviderPage.objects.get(pk=application.provider_page_id)
    assert not page.live
    assert page.get_parent().pk == directory.pk
    assert page.title == "Coop Libre Ouest"
    assert page.contact_email == "alex@coop-libre.example.org"
    assert sorted(page.offerings.values_list("slug", flat=True)) == ["diagnostic", "hebergement"]
    assert list(page.regions.values_list("slug", flat=True)) == ["bretagne"]
    assert list(page.maintainers.values_list("user", flat=True)) == [user.pk]
    assert page.permissions_for_user(user).can_edit()
    assert not GroupPagePermission.objects.filter(group__user=user).exists()
    assert user.has_perm("wagtailadmin.access_admin")

    [invitation] = mail.outbox
    assert invitation.to == ["alex@coop-libre.example.org"]
    assert "http://testserver/admin/password_reset/confirm/" in invitation.body
    assert user.username in invitation.body

    # The link in the invitation lets the provider choose a password.
    link = next(
        line for line in invitation.body.splitlines() if "password_reset/confirm" in line
    ).strip()
    client.logout()
    form_page = client.get(link.replace("http://testserver", ""), follow=True)
    assert form_page.status_code == 200
    client.post(
        form_page.redirect_chain[-1][0],
        {
            "new_password1": "Un-mot-de-passe-solide-42",
            "new_password2": "Un-mot-de-passe-solide-42",
        },
    )
    user.refresh_from_db()
    assert user.check_password("Un-mot-de-passe-solide-42")


def test_approving_twice_creates_nothing_twice(
    client, directory, moderator, django_capture_on_commit_callbacks
):
    application = ProviderApplicationFactory()
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        approve(client, application)
        second = approve(client, application)
    assert second.status_code == 302
    assert get_user_model().objects.filter(email=application.contact_email).count() == 1
    assert ProviderPage.objects.count() == 1
    assert OutgoingEmail.objects.count() == 1
    assert len(mail.outbox) == 1


def test_rejecting_sends_the_reason_once(
    client, directory, moderator, django_capture_on_commit_callbacks
):
    application = ProviderApplicationFactory(contact_email="refus@example.org")
    client.force_login(moderator)
    url = f"/admin/annuaire/demandes/{application.pk}/refuser/"
    empty = client.post(url, {"reason": ""})
    assert empty.status_code == 200
    assert ProviderApplication.objects.get().status == ProviderApplication.Status.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"reason": "Votre offre ne concerne pas les associations."})
        client.post(url, {"reason": "Un second clic."})
    application.refresh_from_db()
    assert application.status == ProviderApplication.Status.REJECTED
    assert application.rejection_reason == "Votre offre ne concerne pas les associations."
    [message] = mail.outbox
    assert message.to == ["refus@example.org"]
    assert "Votre offre ne concerne pas les associations." in message.body
    assert get_user_model().objects.filter(email="refus@example.org").count() == 0


def test_only_moderators_decide(client, directory):
    application = ProviderApplicationFactory()
    log_in(client, EDITORS, "editeur")
    refused = approve(client, application)
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")  # Wagtail's "denied"
    assert ProviderApplication.objects.get().status == ProviderApplication.Status.PENDING


def test_approving_without_a_directory_page_explains_what_to_do(client, moderator):
    application = ProviderApplicationFactory()
    client.force_login(moderator)
    response = approve(client, application)
    assert response.status_code == 302
    [message] = [unescape(str(m)) for m in response.wsgi_request._messages]
    assert "Créez d'abord la page « Annuaire »" in message
    assert ProviderApplication.objects.get().status == ProviderApplication.Status.PENDING
