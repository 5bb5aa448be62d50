import csv
import io

import pytest
from django.contrib.auth.models import Group

from home.groups import EDITORS, MODERATORS
from tests.factories.webinars import RegistrationFactory, WebinarPageFactory
from tests.helpers import log_in

pytestmark = pytest.mark.django_db
LIST_URL = "/admin/webinars/registration/"


@pytest.fixture
def editor(client):
    return log_in(client, EDITORS, "redaction")


def test_editorial_groups_get_the_permissions_they_need():
    editors = set(Group.objects.get(name=EDITORS).permissions.values_list("codename", flat=True))
    moderators = set(
        Group.objects.get(name=MODERATORS).permissions.values_list("codename", flat=True)
    )
    assert "view_registration" in editors and "delete_registration" not in editors
    assert {"view_registration", "delete_registration"} <= moderators


def test_editors_list_registrations_per_webinar_and_export_them(client, editor, webinar_index):
    zoom = WebinarPageFactory(parent=webinar_index, title="Quitter Zoom")
    drive = WebinarPageFactory(parent=webinar_index, title="Quitter Drive")
    RegistrationFactory(webinar=zoom, name="Camille", email="camille@example.org")
    RegistrationFactory(webinar=drive, name="Dominique", email="dominique@example.org")

    response = client.get(LIST_URL, {"webinar__id__exact": zoom.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert "camille@example.org" in html
    assert "dominique@example.org" not in html

    export = client.get(LIST_URL, {"webinar__id__exact": zoom.pk, "export": "csv"})
    assert export.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert len(rows) == 2
    assert rows[1][:5] == [
        "Quitter Zoom",
        "Camille",
        "camille@example.org",
        "Association du quartier",
        "Inscription confirmée",
    ]


def test_anonymous_visitors_cannot_see_registrations(client, webinar_index):
    RegistrationFactory(webinar=WebinarPageFactory(parent=webinar_index))
    response = client.get(LIST_URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_webinar_page_in_the_admin_links_to_its_registrations(client, editor, webinar_index):
    webinar = WebinarPageFactory(parent=webinar_index)
    html = client.get(f"/admin/pages/{webinar_index.pk}/").content.decode()
    assert f"/admin/webinars/registration/?webinar__id__exact={webinar.pk}" in html
    edit = client.get(f"/admin/pages/{webinar.pk}/edit/").content.decode()
    assert f"/admin/webinars/registration/?webinar__id__exact={webinar.pk}" in edit
