"""A provider's offer is a "prestation" (Offering), so that "service" means only a proprietary
service of the catalogue; renamed in place, rows and links kept. Adds whether a provider takes
new associations now."""

import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0004_provider_maintainers"),
    ]

    operations = [
        migrations.RenameModel(old_name="Competency", new_name="Offering"),
        migrations.AlterModelOptions(
            name="offering",
            options={
                "ordering": ["sort_order", "name"],
                "verbose_name": "prestation",
                "verbose_name_plural": "prestations",
            },
        ),
        migrations.RenameField(
            model_name="providerpage", old_name="services", new_name="offerings"
        ),
        migrations.AlterField(
            model_name="providerpage",
            name="offerings",
            field=modelcluster.fields.ParentalManyToManyField(
                related_name="providers",
                to="directory.offering",
                verbose_name="prestations proposées",
            ),
        ),
        migrations.RenameField(
            model_name="providerapplication", old_name="services", new_name="offerings"
        ),
        migrations.AlterField(
            model_name="providerapplication",
            name="offerings",
            field=models.ManyToManyField(
                related_name="+", to="directory.offering", verbose_name="prestations proposées"
            ),
        ),
        migrations.AddField(
            model_name="providerpage",
            name="accepting_new_associations",
            field=models.BooleanField(
                default=True,
                help_text=(
                    "Décochez quand vous êtes complet : votre fiche reste visible et indique "
                    "« complet pour le moment »."
                ),
                verbose_name="Accepte de nouvelles associations en ce moment",
            ),
        ),
    ]
