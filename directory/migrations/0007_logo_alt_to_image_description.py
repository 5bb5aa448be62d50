"""A provider's logo is described by Wagtail's own `Image.description` instead of a field of the
profile: a non-empty `logo_alt` becomes the description of the logo's image when the image has
none, then the field goes. Going back copies the description into the field again."""

from django.db import migrations, models


def logo_alt_to_description(apps, schema_editor):
    ProviderPage = apps.get_model("directory", "ProviderPage")
    Image = apps.get_model("wagtailimages", "Image")
    for page in ProviderPage.objects.exclude(logo=None).exclude(logo_alt=""):
        text = page.logo_alt.strip()[:255]
        if text:
            Image.objects.filter(pk=page.logo_id, description="").update(description=text)


def description_to_logo_alt(apps, schema_editor):
    ProviderPage = apps.get_model("directory", "ProviderPage")
    for page in ProviderPage.objects.exclude(logo=None).select_related("logo"):
        page.logo_alt = page.logo.description[:150]
        page.save(update_fields=["logo_alt"])


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0006_support_requests"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RunPython(logo_alt_to_description, description_to_logo_alt),
        migrations.RemoveField(model_name="providerpage", name="logo_alt"),
        migrations.AlterField(
            model_name="providerpage",
            name="logo",
            field=models.ForeignKey(
                blank=True,
                help_text=(
                    "En transférant l'image, remplissez sa « description » : ce que montre le "
                    "logo, lu aux personnes qui ne le voient pas."
                ),
                null=True,
                on_delete=models.deletion.SET_NULL,
                related_name="+",
                to="wagtailimages.image",
                verbose_name="logo",
            ),
        ),
    ]
