"""Every view of every ModelAdmin checks the list's permission and the row's ownership.

The attack of the review: as a provider, open another account's rows through views that
skip the list's checks (history, inspect, edit, delete, export, approve/reject), by URL.
Each role walks every view of every list; a cell is one URL and what it must answer.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.http import Http404

from directory.models import ContactRequest, ProviderApplication
from directory.onboarding import approve_application
from directory.wagtail_hooks import ContactRequestAdmin
from home.demo_tools import ensure_home_page, ensure_user
from home.groups import EDITORS, MODERATORS
from outbox.models import OutgoingEmail
from tests.factories.directory import (
    ContactRequestFactory,
    DirectoryIndexPageFactory,
    ProviderApplicationFactory,
)
from tests.factories.webinars import (
    RegistrationFactory,
    WebinarIndexPageFactory,
    WebinarPageFactory,
)
from tests.helpers import read_again, shared_test_data, without_index_updates

PASSWORD = "un-mot-de-passe-de-test"

# Each row: its list in the admin, and a text only those who may see the row may read.
ROWS = {
    "request_a": ("/admin/directory/contactrequest/", "Association secrète pour A"),
    "request_b": ("/admin/directory/contactrequest/", "Association secrète pour B"),
    "application": ("/admin/directory/providerapplication/", "Coopérative confidentielle"),
    "registration": ("/admin/webinars/registration/", "Inscrite Confidentielle"),
    "email": ("/admin/outbox/outgoingemail/", "Objet confidentiel du courriel"),
}
LIST_VIEWS = ("index", "export", "create")
ROW_VIEWS = ("inspect", "history", "edit", "delete")
DECISION_VIEWS = ("approve", "reject")
# Pages that do not print the row's text: an export without columns, a blank creation form.
SILENT = {("request_a", "export"), ("request_b", "export"), ("email", "export")}

# What each role may open; every other cell must be refused (or, for a list, omit the row).
ALLOWED = {
    "anonymous": set(),
    "provider_a": {("request_a", view) for view in ("index", "export", "inspect", "history")},
    "editor": {("registration", view) for view in ("index", "export", "inspect", "history")},
    "moderator": {
        *(
            (row, view)
            for row in ("request_a", "request_b")
            for view in ("index", "export", "inspect", "history", "delete")
        ),
        *(
            ("application", view)
            for view in ("index", "export", "inspect", "history", "edit", "approve", "reject")
        ),
        *(("registration", view) for view in ("index", "export", "inspect", "history", "delete")),
    },
    "superuser": {
        *((row, view) for row in ROWS for view in ("index", "export", "inspect", "history")),
        *((row, "delete") for row in ROWS),
        ("application", "edit"),
        ("registration", "edit"),
        ("application", "approve"),
        ("application", "reject"),
    },
}


def url_of(row, view, pk):
    base = ROWS[row][0]
    if view == "index":
        return base
    if view == "export":
        return f"{base}?export=csv"
    if view == "create":
        return f"{base}create/"
    if view == "approve":
        return f"/admin/annuaire/demandes/{pk}/accepter/"
    if view == "reject":
        return f"/admin/annuaire/demandes/{pk}/refuser/"
    return f"{base}{view}/{pk}/"


def views_of(row):
    return LIST_VIEWS + ROW_VIEWS + (DECISION_VIEWS if row == "application" else ())


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


def build_world():
    """Two providers with one contact request each, and one row of every other list."""
    home_page = ensure_home_page()
    DirectoryIndexPageFactory(parent=home_page)
    moderator = ensure_user(
        "moderatrice", PASSWORD, email="m@example.org", groups=[Group.objects.get(name=MODERATORS)]
    )
    editor = ensure_user(
        "editeur", PASSWORD, email="e@example.org", groups=[Group.objects.get(name=EDITORS)]
    )
    providers = {}
    for letter in "AB":
        # Approval is how a provider gets its account and its page, whatever records access.
        applied = ProviderApplicationFactory(structure_name=f"Structure {letter}")
        approved = approve_application(applied.pk, moderator)
        providers[letter] = approved
        ContactRequestFactory(
            provider=approved.provider_page,
            association_name=ROWS[f"request_{letter.lower()}"][1],
            message=f"Message privé pour {letter}",
        )
    application = ProviderApplicationFactory(structure_name=ROWS["application"][1])
    webinar = WebinarPageFactory(parent=WebinarIndexPageFactory(parent=home_page))
    registration = RegistrationFactory(webinar=webinar, name=ROWS["registration"][1])
    email = OutgoingEmail.objects.create(
        to=["personne@example.org"], subject=ROWS["email"][1], body_text="Bonjour."
    )
    return {
        "users": {
            "anonymous": None,
            "provider_a": providers["A"].account,
            "provider_b": providers["B"].account,
            "editor": editor,
            "moderator": moderator,
        },
        "pks": {
            "request_a": ContactRequest.objects.get(provider=providers["A"].provider_page).pk,
            "request_b": ContactRequest.objects.get(provider=providers["B"].provider_page).pk,
            "application": application.pk,
            "registration": registration.pk,
            "email": email.pk,
        },
    }


@pytest.fixture(scope="module")
def world_rows(django_db_setup, django_db_blocker):
    """The rows of `world`, built once for the module; what a test changes is rolled back
    after it."""
    with shared_test_data(django_db_blocker), without_index_updates():
        yield build_world()


@pytest.fixture
def world(db, world_rows):
    """The accounts of each role, read again for each test (`read_again`), and the ids of the
    rows each list shows."""
    return {"users": read_again(world_rows["users"]), "pks": world_rows["pks"]}


def log_in(client, world, role, admin_user):
    user = admin_user if role == "superuser" else world["users"][role]
    if user is not None:
        client.force_login(user)


def verdict(response, secret, may_list):
    """What the response let through: "login", "refused", "listed without the row", "shown"."""
    body = body_of(response)
    if response.status_code == 302 and response["Location"].startswith("/admin/login/"):
        return "login"
    if response.status_code in (403, 404) or (
        response.status_code == 302 and response["Location"] == "/admin/"
    ):
        return "refused" if secret not in body else "refused, but the text leaked"
    if response.status_code == 200 and may_list and secret not in body:
        return "listed without the row"
    if response.status_code == 200:
        return "shown"
    return f"unexpected {response.status_code}"


def expected(role, row, view):
    if role == "anonymous":
        return "login"
    allowed = ALLOWED[role]
    if (row, view) in allowed:
        return "shown"
    lists_this_model = any(
        (other, "index") in allowed for other in ROWS if ROWS[other][0] == ROWS[row][0]
    )
    if view in ("index", "export") and lists_this_model:
        return "listed without the row"
    return "refused"


@pytest.mark.parametrize("role", ["anonymous", "provider_a", "editor", "moderator", "superuser"])
def test_every_view_of_every_list_answers_as_the_role_allows(client, world, admin_user, role):
    log_in(client, world, role, admin_user)
    wrong = []
    for row, (_, secret) in ROWS.items():
        for view in views_of(row):
            url = url_of(row, view, world["pks"][row])
            want = expected(role, row, view)
            response = client.get(url)
            got = verdict(response, secret, may_list=view in ("index", "export"))
            if (row, view) in SILENT and want == "shown" and response.status_code == 200:
                got = "shown"
            if got != want:
                wrong.append(f"{url}: expected {want}, got {got}")
    assert not wrong, "\n".join(wrong)


def test_the_matrix_lists_real_urls(client, world, admin_user):
    """A superuser reaches every row view, so a refusal above is not a missing route."""
    client.force_login(admin_user)
    for row in ROWS:
        for view in ("inspect", "history", "delete"):
            response = client.get(url_of(row, view, world["pks"][row]))
            assert response.status_code == 200, (row, view)


def test_a_provider_reads_its_own_request_in_full_but_cannot_edit_it(client, world):
    client.force_login(world["users"]["provider_a"])
    pk = world["pks"]["request_a"]
    inspect = client.get(url_of("request_a", "inspect", pk)).content.decode()
    assert "Message privé pour A" in inspect
    assert f"/admin/directory/contactrequest/edit/{pk}/" not in inspect
    history = client.get(url_of("request_a", "history", pk))
    assert history.status_code == 200
    assert "Association secrète pour A" in history.content.decode()
    edit = client.get(url_of("request_a", "edit", pk))
    assert (edit.status_code, edit["Location"]) == (302, "/admin/")


def refused(response):
    return response.status_code in (403, 404) or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


@pytest.mark.parametrize("view", ROW_VIEWS)
def test_another_providers_request_is_refused_and_stays_unread(client, world, view):
    client.force_login(world["users"]["provider_a"])
    response = client.get(url_of("request_b", view, world["pks"]["request_b"]))
    assert refused(response)
    assert "Association secrète pour B" not in response.content.decode()
    assert "Message privé pour B" not in response.content.decode()


@pytest.mark.parametrize("view", ROW_VIEWS)
def test_row_views_look_rows_up_in_the_users_own_list(rf, world, view):
    """Behind the admin's URL checks, the view itself finds no row outside the user's list."""
    request = rf.get("/")
    request.user = world["users"]["provider_a"]
    admin = ContactRequestAdmin()
    with pytest.raises(Http404):
        getattr(admin, f"{view}_view")(request, str(world["pks"]["request_b"]))


def test_a_provider_cannot_delete_another_providers_request_by_post(client, world):
    client.force_login(world["users"]["provider_a"])
    pk = world["pks"]["request_b"]
    assert refused(client.post(url_of("request_b", "delete", pk)))
    assert ContactRequest.objects.filter(pk=pk).exists()


def test_a_moderator_deletes_a_request(client, world):
    client.force_login(world["users"]["moderator"])
    pk = world["pks"]["request_b"]
    assert client.post(url_of("request_b", "delete", pk)).status_code == 302
    assert not ContactRequest.objects.filter(pk=pk).exists()


def test_an_editor_cannot_approve_an_application_by_post(client, world):
    client.force_login(world["users"]["editor"])
    pk = world["pks"]["application"]
    response = client.post(url_of("application", "approve", pk))
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert ProviderApplication.objects.get(pk=pk).status == ProviderApplication.Status.PENDING


def test_reading_applications_is_not_deciding_them(client, world):
    """Approve and reject ask for the change permission on top of the list's."""
    reader = ensure_user("lectrice", PASSWORD, email="l@example.org")
    reader.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_providerapplication"),
    )
    client.force_login(reader)
    pk = world["pks"]["application"]
    assert client.get(url_of("application", "inspect", pk)).status_code == 200
    for view in ("approve", "reject", "edit"):
        response = client.post(url_of("application", view, pk), {"reason": "Non."})
        assert refused(response), view
    assert ProviderApplication.objects.get(pk=pk).status == ProviderApplication.Status.PENDING


def test_without_the_lists_permission_a_row_id_reveals_nothing(client, world):
    """An editor gets the same refusal for an application that exists and one that does not."""
    client.force_login(world["users"]["editor"])
    for view in ROW_VIEWS + DECISION_VIEWS:
        existing = client.get(url_of("application", view, world["pks"]["application"]))
        missing = client.get(url_of("application", view, 999_999))
        assert (existing.status_code, existing["Location"]) == (302, "/admin/"), view
        assert (missing.status_code, missing["Location"]) == (302, "/admin/"), view


def test_an_anonymous_visitor_learns_nothing_from_a_missing_row(client, world):
    """Logged out, an existing and a missing row both answer "log in": no 404 to probe ids."""
    for pk in (world["pks"]["request_a"], 999_999):
        response = client.get(url_of("request_a", "history", pk))
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("view", ROW_VIEWS)
def test_a_malformed_row_id_is_not_found(client, world, view):
    client.force_login(world["users"]["moderator"])
    assert client.get(f"/admin/directory/contactrequest/{view}/abc/").status_code == 404


def test_the_email_list_offers_no_add_or_edit(client, world, admin_user):
    client.force_login(admin_user)
    pk = world["pks"]["email"]
    html = client.get(ROWS["email"][0]).content.decode()
    assert "Objet confidentiel du courriel" in html
    assert "/admin/outbox/outgoingemail/create/" not in html
    assert f"/admin/outbox/outgoingemail/edit/{pk}/" not in html
    assert f"/admin/outbox/outgoingemail/inspect/{pk}/" in html
    for view in ("create", "edit"):
        response = client.get(url_of("email", view, pk))
        assert (response.status_code, response["Location"]) == (302, "/admin/")
