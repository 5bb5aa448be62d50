"""Every listed profile gains an "ouvert" fact when it accepts new associations (the
diagnostic names open providers first, read off the directory's index)."""

from django.db import migrations

from directory.listing_facts import refresh_listing_facts


def rewrite_facts_of_existing_profiles(apps, schema_editor):
    provider_model = apps.get_model("directory", "ProviderPage")
    refresh_listing_facts(list(provider_model.objects.values_list("pk", flat=True)), apps)


class Migration(migrations.Migration):
    dependencies = [("directory", "0009_listing_facts")]

    operations = [
        migrations.RunPython(rewrite_facts_of_existing_profiles, migrations.RunPython.noop),
    ]
