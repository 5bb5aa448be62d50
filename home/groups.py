"""The editorial groups and the helpers migrations use to give them permissions.

Editors write (pages, catalogue entries, webinars...) and submit for moderation; moderators
publish and approve. Each app grants its own models to these groups in a data migration:

    from home.groups import EDITORS, MODERATORS, grant_model_permissions

    def grant(apps, schema_editor):
        grant_model_permissions(apps, EDITORS, "webinars", ["webinarpage"], ["add", "change"])
"""

EDITORS = "Éditeurs"
MODERATORS = "Modérateurs"

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]
MEDIA_PERMISSIONS = {
    "wagtailimages": ("image", ["add", "change", "choose"]),
    "wagtaildocs": ("document", ["add", "change", "choose"]),
}
MODERATION_TASK_NAME = "Validation par les modérateurs"
MODERATION_WORKFLOW_NAME = "Relecture éditoriale"


def ensure_permission(apps, app_label, model_name, codename):
    """The Permission row, created if needed: during `migrate` Django adds them only at the end."""
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    content_type, _ = content_type_model.objects.get_or_create(
        app_label=app_label, model=model_name
    )
    permission, _ = permission_model.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {codename.replace('_', ' ')}"},
    )
    return permission


def grant_model_permissions(apps, group_name, app_label, model_names, actions):
    """Give a group `<action>_<model>` on each model, e.g. actions=["add", "change"]."""
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=group_name)
    for model_name in model_names:
        for action in actions:
            group.permissions.add(
                ensure_permission(apps, app_label, model_name, f"{action}_{model_name}")
            )
    return group
