"""Who reaches what in the admin: one table, replayed through the admin's own URLs.

Each row is a URL (of the project's models or of Wagtail's pages, images, documents,
snippets, reports, choosers, API and history) and the roles allowed to open it. Every
other role must be refused (a redirect to the dashboard or the login page, 403 or 404)
and see none of the private texts planted in the data. A row whose URL an administrator
cannot open fails too, so the table cannot silently test dead addresses.
"""

from dataclasses import dataclass, field

import pytest
import wagtail_factories
from django.contrib.auth.models import Group
from wagtail.models import Collection, CollectionViewRestriction, Site

from directory.permissions import grant_provider_access
from home.demo_tools import ensure_user
from home.groups import EDITORS, MODERATORS
from outbox.mail import queue_email
from tests.factories.catalogue import FreeAlternativeFactory
from tests.factories.directory import (
    ContactRequestFactory,
    DirectoryIndexPageFactory,
    ProviderApplicationFactory,
    ProviderPageFactory,
)
from tests.factories.guides import GuideIndexPageFactory, GuidePageFactory
from tests.factories.webinars import (
    RegistrationFactory,
    WebinarIndexPageFactory,
    WebinarPageFactory,
)

ROLES = ("anonymous", "provider_a", "provider_b", "editor", "moderator")
A, B, E, M = "provider_a", "provider_b", "editor", "moderator"
STAFF = {E, M}
PROVIDERS = {A, B}
PASSWORD = "mot-de-passe-matrice"

# Private texts planted in the data: a refused role must never see any of them.
SECRETS = {
    "request_a": "Message confidentiel pour A",
    "request_b": "Message confidentiel pour B",
    "application": "candidature@secret.example.org",
    "registration": "participante@secret.example.org",
    "email": "destinataire@secret.example.org",
    "draft": "Brouillon confidentiel",
    "document": "Compte rendu privé",
}


@dataclass(frozen=True)
class Row:
    url: str
    allowed: frozenset
    # Roles allowed to open the URL that must still not see these secrets in it.
    hidden: dict = field(default_factory=dict)
    # False for an action the site offers to nobody, not even the administrator.
    offered: bool = True


def row(url, *allowed, hidden=None, offered=True):
    roles = set()
    for item in allowed:
        roles |= item if isinstance(item, set) else {item}
    return Row(url, frozenset(roles), hidden or {}, offered)


MATRIX = [
    # Dashboard and Wagtail's pages.
    row("/admin/", PROVIDERS, STAFF),
    row("/admin/pages/", PROVIDERS, STAFF),
    row("/admin/pages/{provider_a}/edit/", A, STAFF),
    row("/admin/pages/{provider_b}/edit/", B, STAFF),
    row("/admin/pages/{guide}/edit/", STAFF),
    row("/admin/pages/{draft}/edit/", STAFF),
    row("/admin/pages/{draft}/view_draft/", STAFF),
    row("/admin/pages/{provider_a}/history/", A, STAFF),
    row("/admin/pages/{provider_b}/history/", B, STAFF),
    row("/admin/pages/{provider_a}/usage/", STAFF),
    row("/admin/pages/{provider_a}/copy/", STAFF),
    row("/admin/pages/{provider_a}/delete/", M),
    row("/admin/pages/{provider_a}/move/", M),
    row("/admin/pages/{provider_a}/unpublish/", M),
    row("/admin/pages/{provider_a}/privacy/", M),
    row("/admin/pages/add/guides/guidepage/{guide_index}/", STAFF),
    row("/admin/pages/search/?q=Brouillon", STAFF),
    row("/admin/bulk/wagtailcore/page/delete/?id={draft}", STAFF),
    # Choosers: a provider may link to public pages, never see a draft's title.
    row("/admin/choose-page/", PROVIDERS, STAFF),
    row("/admin/choose-page/{guide_index}/", PROVIDERS, STAFF, hidden={"draft": PROVIDERS}),
    row("/admin/choose-page/search/?q=Brouillon", PROVIDERS, STAFF, hidden={"draft": PROVIDERS}),
    row("/admin/choose-page/{draft}/", STAFF),
    row("/admin/images/chooser/", PROVIDERS, STAFF),
    row("/admin/images/chooser/chosen/{image}/", STAFF),
    row("/admin/images/chooser/{image}/select_format/", STAFF),
    row("/admin/documents/chooser/", STAFF),
    # Reports and history.
    row("/admin/reports/site-history/", STAFF),
    row("/admin/reports/aging-pages/", STAFF),
    row("/admin/reports/locked/", M),
    row("/admin/reports/workflow/", STAFF),
    row("/admin/reports/workflow_tasks/", STAFF),
    row("/admin/reports/page-types-usage/", STAFF),
    # Images, documents, snippets.
    row("/admin/images/", STAFF),
    row("/admin/images/{image}/", STAFF),
    row("/admin/images/add/", STAFF),
    row("/admin/documents/", STAFF),
    row("/admin/documents/edit/{document}/", STAFF),
    row("/documents/{document}/{document_file}", STAFF),
    row("/admin/snippets/catalogue/freealternative/", STAFF),
    row("/admin/snippets/catalogue/freealternative/edit/{alternative}/", STAFF),
    row("/admin/snippets/catalogue/freealternative/history/{alternative}/", STAFF),
    # Administration proper: nobody below the administrator.
    row("/admin/users/"),
    row("/admin/groups/"),
    row("/admin/sites/"),
    row("/admin/collections/"),
    row("/admin/workflows/list/"),
    row("/admin/settings/home/sitesettings/{site}/"),
    # Contact requests: each provider its own, moderators all.
    row(
        "/admin/directory/contactrequest/",
        PROVIDERS,
        M,
        hidden={"request_b": {A}, "request_a": {B}},
    ),
    row("/admin/directory/contactrequest/inspect/{request_a}/", A, M),
    row("/admin/directory/contactrequest/inspect/{request_b}/", B, M),
    row("/admin/directory/contactrequest/history/{request_a}/", A, M),
    row("/admin/directory/contactrequest/history/{request_b}/", B, M),
    row("/admin/directory/contactrequest/edit/{request_a}/", offered=False),
    row("/admin/directory/contactrequest/delete/{request_a}/", M),
    row("/admin/directory/contactrequest/create/", offered=False),
    # Applications: moderators decide.
    row("/admin/directory/providerapplication/", M),
    row("/admin/directory/providerapplication/inspect/{application}/", M),
    row("/admin/directory/providerapplication/history/{application}/", M),
    row("/admin/directory/providerapplication/edit/{application}/", M),
    row("/admin/directory/providerapplication/?export=csv", M),
    row("/admin/annuaire/demandes/{application}/accepter/", M),
    row("/admin/annuaire/demandes/{application}/refuser/", M),
    row("/admin/provider_maintainers/", M),
    row("/admin/provider_maintainers/new/", M),
    # Webinar registrations: the editorial team organises webinars.
    row("/admin/webinars/registration/", STAFF),
    row("/admin/webinars/registration/inspect/{registration}/", STAFF),
    row("/admin/webinars/registration/history/{registration}/", STAFF),
    row("/admin/webinars/registration/?export=csv", STAFF),
    row("/admin/webinars/registration/edit/{registration}/"),
    row("/admin/webinars/registration/delete/{registration}/", M),
    # Outgoing e-mails: the administrator only.
    row("/admin/outbox/outgoingemail/"),
    row("/admin/outbox/outgoingemail/inspect/{email}/"),
    row("/admin/outbox/outgoingemail/history/{email}/"),
    # The admin API.
    row("/admin/api/main/pages/", STAFF),
    row("/admin/api/main/pages/{draft}/", STAFF),
    row("/admin/api/main/images/", STAFF),
    row("/admin/api/main/documents/", STAFF),
]


@pytest.fixture
def world(home_page, site):
    editors, moderators = Group.objects.get(name=EDITORS), Group.objects.get(name=MODERATORS)
    directory = DirectoryIndexPageFactory(parent=home_page)
    provider_a = ProviderPageFactory(parent=directory, title="Structure A", slug="structure-a")
    provider_b = ProviderPageFactory(parent=directory, title="Structure B", slug="structure-b")
    guide_index = GuideIndexPageFactory(parent=home_page)
    guide = GuidePageFactory(parent=guide_index, title="Guide publié")
    draft = GuidePageFactory(parent=guide_index, title=SECRETS["draft"], live=False)
    webinar = WebinarPageFactory(parent=WebinarIndexPageFactory(parent=home_page))
    private = Collection.get_first_root_node().add_child(name="Comptes rendus")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([editors, moderators])
    document = wagtail_factories.DocumentFactory(title=SECRETS["document"], collection=private)
    users = {
        A: ensure_user(A, PASSWORD, email="a@structure-a.example.org"),
        B: ensure_user(B, PASSWORD, email="b@structure-b.example.org"),
        E: ensure_user(E, PASSWORD, email="e@example.org", groups=[editors]),
        M: ensure_user(M, PASSWORD, email="m@example.org", groups=[moderators]),
        "admin": ensure_user("admin", PASSWORD, email="admin@example.org", superuser=True),
    }
    grant_provider_access(users[A], provider_a)
    grant_provider_access(users[B], provider_b)
    ids = {
        "site": Site.objects.get(is_default_site=True).pk,
        "provider_a": provider_a.pk,
        "provider_b": provider_b.pk,
        "guide_index": guide_index.pk,
        "guide": guide.pk,
        "draft": draft.pk,
        "image": wagtail_factories.ImageFactory(collection=private.get_parent()).pk,
        "document": document.pk,
        "document_file": document.file.name.rsplit("/", 1)[-1],
        "alternative": FreeAlternativeFactory().pk,
        "request_a": ContactRequestFactory(provider=provider_a, message=SECRETS["request_a"]).pk,
        "request_b": ContactRequestFactory(provider=provider_b, message=SECRETS["request_b"]).pk,
        "application": ProviderApplicationFactory(contact_email=SECRETS["application"]).pk,
        "registration": RegistrationFactory(webinar=webinar, email=SECRETS["registration"]).pk,
        "email": queue_email([SECRETS["email"]], "Sujet", "Corps du message").pk,
    }
    return users, ids


LOGIN_PAGES = ("/admin/login/", "/_util/login/")


def refused(response):
    location = response.get("Location", "")
    if response.status_code == 302:
        return location == "/admin/" or location.startswith(LOGIN_PAGES)
    return response.status_code in (401, 403, 404)


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def check_role(client, world, role):
    users, ids = world
    if role != "anonymous":
        client.force_login(users[role])
    failures = []
    for entry in MATRIX:
        url = entry.url.format(**ids)
        response = client.get(url)
        body = body_of(response)
        if role in entry.allowed:
            if refused(response) or response.status_code >= 400:
                failures.append(f"{url}: {role} should be allowed, got {response.status_code}")
            hidden = [key for key, roles in entry.hidden.items() if role in roles]
        else:
            if not refused(response):
                failures.append(f"{url}: {role} should be refused, got {response.status_code}")
            hidden = list(SECRETS)
        failures += [
            f"{url}: {role} sees {SECRETS[key]!r}" for key in hidden if SECRETS[key] in body
        ]
    return failures


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, world, role):
    failures = check_role(client, world, role)
    assert not failures, "\n".join(failures)


def test_every_url_of_the_matrix_exists(client, world):
    users, ids = world
    client.force_login(users["admin"])
    dead = []
    for entry in filter(lambda entry: entry.offered, MATRIX):
        url = entry.url.format(**ids)
        response = client.get(url)
        if response.status_code == 404 or response.get("Location") == "/admin/":
            dead.append(f"{url}: {response.status_code} {response.get('Location', '')}")
    assert not dead, "\n".join(dead)
