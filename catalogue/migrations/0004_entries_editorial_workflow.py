"""Catalogue entries go through the editorial workflow, and only moderators publish them.

Editors add and change entries, and their changes stay drafts until approved; moderators
also publish, lock, unlock and delete. These grants belong to the catalogue, so they are
made here (home's migration 0002 gave the first ones before the entries were moderated).
Entries already in the database were on the site: 0003 added `live` as true for every row,
and this migration changes no entry.
"""

from django.db import migrations

from home.groups import (
    EDITORS,
    MODERATION_WORKFLOW_NAME,
    MODERATORS,
    grant_model_permissions,
)

ENTRY_MODELS = ["category", "proprietaryservice", "freealternative"]
EDITOR_ACTIONS = ["add", "change"]
MODERATOR_ACTIONS = ["add", "change", "delete", "publish", "lock", "unlock"]


def moderate_entries(apps, schema_editor):
    grant_model_permissions(apps, EDITORS, "catalogue", ENTRY_MODELS, EDITOR_ACTIONS)
    grant_model_permissions(apps, MODERATORS, "catalogue", ENTRY_MODELS, MODERATOR_ACTIONS)

    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    workflow = Workflow.objects.filter(name=MODERATION_WORKFLOW_NAME).first()
    if workflow is None:
        # Renamed by an administrator: assign it in Paramètres > Workflows instead.
        return
    for model_name in ENTRY_MODELS:
        content_type, _ = ContentType.objects.get_or_create(app_label="catalogue", model=model_name)
        WorkflowContentType.objects.get_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0003_moderated_entries"),
        ("home", "0002_editorial_groups"),
        ("wagtailcore", "0083_workflowcontenttype"),
    ]

    operations = [migrations.RunPython(moderate_entries, migrations.RunPython.noop)]
