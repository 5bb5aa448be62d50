"""A fresh install starts on the hub's home page, not on Wagtail's welcome page.

Wagtail's first migration creates a "Welcome to your new Wagtail site!" page and a site that
points at it. Editors and the demo loader then had to swap it for a HomePage first; the tests
did it for every test that needed a home page. This migration makes the swap once: the welcome
page goes, an empty HomePage "Accueil" takes its place under the root, and the default site
points at it (its address follows SITE_URL after `migrate`, home/site_address.py). A database
that already has a HomePage is left as it is.
"""

from django.db import migrations
from wagtail.models import Page as TreePage

TITLE = "Accueil"
SLUG = "accueil"


def next_child_path(Page, root):
    """The tree path of a new last child of `root` (treebeard's steps, as `add_child` makes)."""
    last = Page.objects.filter(depth=root.depth + 1).order_by("-path").first()
    step = 1 if last is None else TreePage._str2int(last.path[-TreePage.steplen :]) + 1
    return TreePage._get_path(root.path, root.depth + 1, step)


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("home", "HomePage")
    if HomePage.objects.exists():
        return
    root = Page.objects.get(depth=1)
    # Deleting the welcome page also deletes the site that points at it.
    Page.objects.filter(
        depth=2, slug="home", content_type__app_label="wagtailcore", content_type__model="page"
    ).delete()
    home = HomePage.objects.create(
        title=TITLE,
        draft_title=TITLE,
        slug=SLUG,
        url_path=f"/{SLUG}/",
        content_type=ContentType.objects.get_for_model(HomePage),
        path=next_child_path(Page, root),
        depth=2,
        numchild=0,
        locale_id=root.locale_id,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(
            hostname="localhost", root_page=home, is_default_site=True, site_name="Emancip'Asso"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_french_unaccent_search_config"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_home_page, migrations.RunPython.noop)]
