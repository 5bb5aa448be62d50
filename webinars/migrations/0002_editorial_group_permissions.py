"""Let the editorial groups review webinar registrations; moderators may also delete them."""

from django.db import migrations

from home.groups import EDITORS, MODERATORS, grant_model_permissions


def grant(apps, schema_editor):
    grant_model_permissions(apps, EDITORS, "webinars", ["registration"], ["view"])
    grant_model_permissions(apps, MODERATORS, "webinars", ["registration"], ["view", "delete"])


class Migration(migrations.Migration):
    dependencies = [
        ("webinars", "0001_initial"),
        ("home", "0002_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
