"""The moderation migrations: who may publish, which workflow applies, and existing entries."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Revision, WorkflowContentType

from catalogue.models import Category, FreeAlternative, ProprietaryService
from home.groups import EDITORS, MODERATION_WORKFLOW_NAME, MODERATORS
from tests.helpers import migrate_every_app_forward

ENTRY_MODELS = (Category, ProprietaryService, FreeAlternative)
BEFORE = [("catalogue", "0002_catalogueindexpage")]
AFTER = [("catalogue", "0004_entries_editorial_workflow")]
ACTIONS = ("add", "change", "delete", "publish", "lock", "unlock")


def codenames(group_name, model):
    group = Group.objects.get(name=group_name)
    return set(
        group.permissions.filter(content_type__app_label="catalogue").values_list(
            "codename", flat=True
        )
    ) & {f"{action}_{model._meta.model_name}" for action in ACTIONS}


@pytest.mark.django_db
@pytest.mark.parametrize("model", ENTRY_MODELS)
def test_editors_write_drafts_and_moderators_publish(model):
    name = model._meta.model_name
    assert codenames(EDITORS, model) == {f"add_{name}", f"change_{name}"}
    assert codenames(MODERATORS, model) == {f"{action}_{name}" for action in ACTIONS}
    workflow = WorkflowContentType.objects.get(content_type__model=name).workflow
    assert workflow.name == MODERATION_WORKFLOW_NAME and workflow.active


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_entries_made_before_moderation_stay_on_the_site(migrate_back_then_forward):
    old = migrate_back_then_forward(BEFORE)
    category = old.get_model("catalogue", "Category").objects.create(
        name="Courrier électronique", slug="courriel"
    )
    gmail = old.get_model("catalogue", "ProprietaryService").objects.create(
        name="Gmail", slug="gmail", vendor="Google", category=category, cost="Des données cédées."
    )
    thunderbird = old.get_model("catalogue", "FreeAlternative").objects.create(
        name="Thunderbird",
        slug="thunderbird",
        description="Un logiciel de messagerie.",
        licence="MPL-2.0",
        website="https://www.thunderbird.net",
        category=category,
    )
    thunderbird.replaces.add(gmail)

    migrate_back_then_forward(AFTER)
    migrate_every_app_forward()  # the models below are today's (with later fields)

    for model in ENTRY_MODELS:
        entry = model.objects.get()
        assert entry.live and not entry.has_unpublished_changes and not entry.locked
        assert entry.latest_revision is None and entry.live_revision is None
        assert not Revision.objects.for_instance(entry).exists()
    assert list(FreeAlternative.objects.live().get().replaces.all()) == [
        ProprietaryService.objects.get()
    ]
