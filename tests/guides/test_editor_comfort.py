"""The guide editor's defaults: a new Steps block opens with the two steps it requires, a new
guide has no review date until someone reviews it (and is listed after reviewed ones), and
long lists of catalogue entries are offered in French alphabetical order."""

import datetime
import re

import pytest
from django.urls import reverse

from guides.blocks import GuideStreamBlock
from guides.models import GuidePage
from guides.models.pages import listed_guides
from home.groups import EDITORS
from tests.factories.catalogue import (
    CategoryFactory,
    FreeAlternativeFactory,
    ProprietaryServiceFactory,
)
from tests.factories.guides import GuidePageFactory
from tests.helpers import member_of

pytestmark = pytest.mark.django_db


def test_a_new_steps_block_opens_with_its_two_required_steps():
    steps = GuideStreamBlock().child_blocks["steps"]
    assert steps.child_blocks["steps"].meta.min_num == 2
    state = steps.get_form_state(steps.get_default())  # what the editor opens a new block with
    assert len(state["steps"]) == 2
    assert state["steps"][0]["id"] != state["steps"][1]["id"]
    assert [step["value"]["title"] for step in state["steps"]] in ([None, None], ["", ""])


def test_a_new_guide_has_no_review_date_and_says_none(client, guide_index):
    guide = GuidePage(title="Tout neuf", slug="tout-neuf", authors="Framasoft", body=[])
    guide_index.add_child(instance=guide)
    guide.refresh_from_db()
    assert guide.last_reviewed is None
    html = client.get(guide.url).content.decode()
    assert "Relu le" not in html

    client.force_login(member_of(EDITORS, "editrice"))
    add_form = client.get(
        reverse("wagtailadmin_pages:add", args=["guides", "guidepage", guide_index.pk])
    ).content.decode()
    field = re.search(r'<input[^>]*name="last_reviewed"[^>]*>', add_form).group(0)
    assert "value=" not in field


def test_guides_never_reviewed_come_after_reviewed_ones(guide_index):
    GuidePageFactory(parent=guide_index, title="Jamais relu", last_reviewed=None)
    GuidePageFactory(parent=guide_index, title="Relu", last_reviewed=datetime.date(2025, 1, 1))
    titles = [guide.title for guide in listed_guides(GuidePage.objects.all())]
    assert titles == ["Relu", "Jamais relu"]


def checkbox_labels(html, name):
    """The labels of the checkboxes of one field, in the order the form offers them."""
    return re.findall(rf'<input type="checkbox" name="{name}"[^>]*>\s*([^<]+?)\s*</label>', html)


def test_guide_editing_lists_catalogue_entries_in_french_order(client, guide_index):
    for name in ("Zoom", "écriture", "Agenda", "Échanges"):
        CategoryFactory(name=f"{name} (usage)")
        ProprietaryServiceFactory(name=f"{name} Pro")
        FreeAlternativeFactory(name=f"{name} libre")
    guide = GuidePageFactory(parent=guide_index)
    client.force_login(member_of(EDITORS, "editrice"))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[guide.pk])).content.decode()
    expected = ["Agenda", "Échanges", "écriture", "Zoom"]  # accents and case ignored
    for field, suffix in (
        ("topics", " (usage)"),
        ("services", " Pro"),
        ("tools_before", " Pro"),
        ("tools_after", " libre"),
    ):
        labels = [label for label in checkbox_labels(html, field) if label.endswith(suffix)]
        assert labels == [f"{name}{suffix}" for name in expected], field
