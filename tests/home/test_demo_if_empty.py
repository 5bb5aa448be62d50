"""A fresh install starts on the hub's home page, and `load_demo_content --if-empty` (what
`make run` does) loads the demo into it, and only into it.

Apart from test_demo_content.py, whose module has the demo loaded: these tests need an empty site.
"""

import io
from importlib import import_module

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Page, Site

from home.models import HomePage, StandardPage
from tests.factories.home import StandardPageFactory

home_page_migration = import_module("home.migrations.0008_home_page")


@pytest.mark.django_db
def test_a_fresh_install_serves_the_hubs_home_page_in_place_of_wagtails_welcome():
    home = HomePage.objects.get()
    assert (home.title, home.url_path, home.depth) == ("Accueil", "/accueil/", 2)
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert list(Page.objects.filter(depth=2)) == [home.page_ptr]
    assert Page.find_problems() == ([], [], [], [], [])


@pytest.mark.django_db
def test_the_migration_leaves_an_existing_home_page_alone():
    before = list(Page.objects.values_list("pk", "path", "title"))
    home_page_migration.create_home_page(apps, schema_editor=None)
    assert list(Page.objects.values_list("pk", "path", "title")) == before


@pytest.mark.django_db
def test_if_empty_loads_the_demo_into_a_fresh_install():
    out = io.StringIO()
    call_command("load_demo_content", "--if-empty", stdout=out)
    assert "admin / emancipasso-admin" in out.getvalue()
    assert StandardPage.objects.get(slug="a-propos").live


@pytest.mark.django_db
def test_if_empty_leaves_a_site_with_content_as_it_is():
    StandardPageFactory(parent=HomePage.objects.get(), slug="notre-page")
    out = io.StringIO()
    call_command("load_demo_content", "--if-empty", stdout=out)
    assert "rien n'est rechargé" in out.getvalue()
    assert not StandardPage.objects.filter(slug="a-propos").exists()
