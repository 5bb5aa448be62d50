import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.groups import EDITORS, MODERATORS
from tests.factories.catalogue import CategoryFactory
from tests.factories.guides import GuidePageFactory
from tests.helpers import member_of

pytestmark = pytest.mark.django_db


def edit_form(guide, topic, action, **extra):
    data = nested_form_data(
        {
            "title": "Quitter Zoom, version relue",
            "slug": guide.slug,
            "introduction": "Une introduction relue.",
            "kind": "tool_sheet",
            "audience": "all",
            "authors": "L'équipe éditoriale",
            "last_reviewed": "2026-11-01",
            "body": streamfield([("paragraph", rich_text("<p>Jitsi Meet suffit.</p>"))]),
            "comments": inline_formset([]),
            **extra,
        }
    )
    data["topics"] = [topic.pk]
    data[action] = "1"
    return data


@pytest.fixture
def draft_guide(guide_index):
    topic = CategoryFactory()
    guide = GuidePageFactory(parent=guide_index, title="Quitter Zoom", topics=[topic])
    guide.unpublish()
    return guide, topic


def test_an_editor_cannot_publish_but_can_submit_for_moderation(client, draft_guide):
    guide, topic = draft_guide
    editor = member_of(EDITORS, "editrice")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[guide.pk])

    edit_page = client.get(url).content.decode()
    assert "action-publish" not in edit_page
    assert "action-submit" in edit_page

    client.post(url, edit_form(guide, topic, "action-publish"))
    guide.refresh_from_db()
    assert not guide.live
    assert guide.has_unpublished_changes  # saved as a draft, not published
    assert not PageLogEntry.objects.filter(page=guide, action="wagtail.publish").exists()

    client.post(url, edit_form(guide, topic, "action-submit"))
    state = WorkflowState.objects.get(object_id=str(guide.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    guide.refresh_from_db()
    assert not guide.live


def test_a_moderator_approves_a_submitted_guide_and_it_goes_live(client, draft_guide):
    guide, topic = draft_guide
    client.force_login(member_of(EDITORS, "editrice"))
    client.post(
        reverse("wagtailadmin_pages:edit", args=[guide.pk]),
        edit_form(guide, topic, "action-submit"),
    )
    state = WorkflowState.objects.get(object_id=str(guide.pk))

    client.force_login(member_of(MODERATORS, "moderateur"))
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[guide.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": "Relu, merci."},
    )
    assert response.status_code in (200, 302)
    guide.refresh_from_db()
    assert guide.live
    assert guide.title == "Quitter Zoom, version relue"


def test_a_moderator_can_publish_directly(client, draft_guide):
    guide, topic = draft_guide
    client.force_login(member_of(MODERATORS, "moderateur"))
    client.post(
        reverse("wagtailadmin_pages:edit", args=[guide.pk]),
        edit_form(guide, topic, "action-publish"),
    )
    guide.refresh_from_db()
    assert guide.live and guide.title == "Quitter Zoom, version relue"


def test_scheduled_publication_happens_at_go_live_time(client, draft_guide):
    guide, topic = draft_guide
    client.force_login(member_of(MODERATORS, "moderateur"))
    go_live = timezone.now() + datetime.timedelta(days=2)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[guide.pk]),
        edit_form(
            guide,
            topic,
            "action-publish",
            go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
        ),
    )
    guide.refresh_from_db()
    assert not guide.live
    assert client.get(guide.url).status_code == 404

    call_command("publish_scheduled")
    guide.refresh_from_db()
    assert not guide.live

    with time_machine.travel(go_live + datetime.timedelta(minutes=5)):
        call_command("publish_scheduled")
    guide.refresh_from_db()
    assert guide.live
    assert guide.title == "Quitter Zoom, version relue"
