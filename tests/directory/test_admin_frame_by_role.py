"""What the admin frame shows each role: a provider has no search box (its allow-list refuses
every search) and no link to Wagtail's editor guide; moderators see the applications waiting
for them on their dashboard, editors and providers do not."""

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
import wagtail
from django.utils import timezone

from directory.models import ProviderApplication
from tests.directory import test_provider_permissions as permission_tests
from tests.factories.directory import ContactRequestFactory, ProviderApplicationFactory

# Two profiles A and B, their providers, an editor and a moderator, built once for the module.
world_rows = permission_tests.world_rows
world = permission_tests.world

EDITOR_GUIDE = "guide.wagtail.org"


def sidebar_modules(html):
    props = re.search(r'<script id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    return [module["_type"] for module in json.loads(props.group(1))["modules"]]


def admin_page(client, user, url="/admin/"):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("url", ["/admin/", "/admin/directory/contactrequest/"])
def test_a_provider_has_neither_search_nor_editor_guide(client, world, url):
    html = admin_page(client, world["provider_a"], url)
    assert sidebar_modules(html) == [
        "wagtail.sidebar.WagtailBrandingModule",
        "wagtail.sidebar.MainMenuModule",
    ]
    assert "/admin/pages/search/" not in html
    assert 'role="search"' not in html  # the dashboard's page search, as pointless
    assert EDITOR_GUIDE not in html
    assert "Demandes de contact" in html  # the menu it may use is still there


def test_other_roles_keep_search_and_the_editor_guide(client, world):
    html = admin_page(client, world["editor"])
    assert "wagtail.sidebar.SearchModule" in sidebar_modules(html)
    assert 'role="search"' in html
    assert EDITOR_GUIDE in html


def copies(name):
    wagtails = Path(wagtail.__file__).parent / "admin/templates" / name
    ours = Path(__file__).parents[2] / "templates" / name
    return wagtails.read_text(), ours.read_text()


def test_the_project_copies_of_wagtail_templates_change_only_what_they_say():
    """The copies must follow Wagtail's own after an upgrade: this fails until they are redone."""
    wagtails, ours = copies("wagtailadmin/base.html")
    assert ours == (
        wagtails.replace("i18n %}", "i18n provider_admin_tags %}", 1).replace(
            "{% sidebar_props %}", "{% account_sidebar_props %}", 1
        )
    )
    wagtails, ours = copies("wagtailadmin/home.html")
    form = wagtails[wagtails.index("                <form") : wagtails.index("</form>") + 8]
    assert ours == (
        wagtails.replace("i18n %}", "i18n provider_admin_tags %}", 1).replace(
            form,
            "                {% if not user|provider_only %}\n"
            + form
            + "                {% endif %}\n",
            1,
        )
    )


def test_the_contact_requests_date_filter_speaks_french(client, world):
    ContactRequestFactory(provider=world["A"])
    html = admin_page(client, world["provider_a"], "/admin/directory/contactrequest/")
    for label in ("Toutes les dates", "Aujourd&#x27;hui", "Les 7 derniers jours", "Ce mois-ci"):
        assert label in html
    assert "Any date" not in html
    assert "Past 7 days" not in html


def pending(name, days_ago, **kwargs):
    application = ProviderApplicationFactory(structure_name=name, city="Lyon", **kwargs)
    ProviderApplication.objects.filter(pk=application.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago)
    )
    return application


def test_moderators_see_the_five_oldest_pending_applications(client, world):
    waiting = [pending(f"Structure en attente {n}", days_ago=20 - n) for n in range(7)]
    pending("Déjà acceptée", days_ago=40, status=ProviderApplication.Status.APPROVED)
    html = admin_page(client, world["moderator"])
    panel = html[html.index('id="demandes-a-examiner-section"') :]
    panel = panel[: panel.index("</section>")]
    assert "7 structures attendent votre décision." in panel
    names = re.findall(r"Examiner « (Structure en attente \d) »", panel)
    assert names == [f"Structure en attente {n}" for n in range(5)]  # the oldest first
    assert f'href="/admin/directory/providerapplication/inspect/{waiting[0].pk}/"' in panel
    assert "Déjà acceptée" not in panel
    assert 'href="/admin/directory/providerapplication/?status__exact=pending"' in panel


def test_the_panel_hides_when_nothing_waits(client, world):
    pending("Refusée", days_ago=3, status=ProviderApplication.Status.REJECTED)
    assert "demandes-a-examiner" not in admin_page(client, world["moderator"])


@pytest.mark.parametrize("role", ["editor", "provider_a"])
def test_editors_and_providers_do_not_see_applications(client, world, role):
    pending("Structure en attente", days_ago=3)
    html = admin_page(client, world[role])
    assert "demandes-a-examiner" not in html
    assert "Structure en attente" not in html
