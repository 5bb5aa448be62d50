"""Create the "Éditeurs" and "Modérateurs" groups and the moderation workflow they share."""

from django.db import migrations

from home.groups import (
    EDITOR_PAGE_PERMISSIONS,
    EDITORS,
    MEDIA_PERMISSIONS,
    MODERATION_TASK_NAME,
    MODERATION_WORKFLOW_NAME,
    MODERATOR_PAGE_PERMISSIONS,
    MODERATORS,
    ensure_permission,
    grant_model_permissions,
)

CATALOGUE_MODELS = ["category", "proprietaryservice", "freealternative"]


def create_groups(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    access_admin = ensure_permission(apps, "wagtailadmin", "admin", "access_admin")

    editors = grant_model_permissions(
        apps, EDITORS, "catalogue", CATALOGUE_MODELS, ["add", "change"]
    )
    moderators = grant_model_permissions(
        apps, MODERATORS, "catalogue", CATALOGUE_MODELS, ["add", "change", "delete"]
    )
    for group, page_codenames in (
        (editors, EDITOR_PAGE_PERMISSIONS),
        (moderators, MODERATOR_PAGE_PERMISSIONS),
    ):
        group.permissions.add(access_admin)
        for codename in page_codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root_page,
                permission=ensure_permission(apps, "wagtailcore", "page", codename),
            )
        for app_label, (model_name, actions) in MEDIA_PERMISSIONS.items():
            for action in actions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=ensure_permission(
                        apps, app_label, model_name, f"{action}_{model_name}"
                    ),
                )
    _moderate_every_page_with(apps, moderators, root_page)


def _moderate_every_page_with(apps, moderators, root_page):
    """Replace Wagtail's English default workflow on the root by one approved by the moderators."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=MODERATION_TASK_NAME, defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(moderators)
    workflow, _ = Workflow.objects.get_or_create(name=MODERATION_WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("catalogue", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
