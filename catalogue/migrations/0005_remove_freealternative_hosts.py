"""Who offers a free alternative is said on the provider's side only (the directory's profiles
list the tools they host), so the catalogue's free-text list of hosts goes."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0004_entries_editorial_workflow"),
    ]

    operations = [
        migrations.RemoveField(model_name="freealternative", name="hosts"),
    ]
