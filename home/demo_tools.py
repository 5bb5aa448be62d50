"""Helpers that make `load_demo_content` idempotent: run it twice, get the same site."""

import json

from django.contrib.auth import get_user_model
from wagtail.fields import StreamField
from wagtail.models import Page, Site

from home.models import HomePage


def ensure_home_page():
    """Make a HomePage the default site's root, replacing Wagtail's welcome page once."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()
        root.refresh_from_db()
        home = root.add_child(instance=HomePage(title="Accueil", slug="accueil"))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Emancip'Asso",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Emancip'Asso"
        site.save()
    return home


def _without_block_ids(data):
    """Block ids differ between a stored stream and the demo's literal one: ignore them."""
    if isinstance(data, dict):
        return {k: _without_block_ids(v) for k, v in data.items() if k != "id"}
    if isinstance(data, list):
        return [_without_block_ids(item) for item in data]
    return data


def _comparable(page, name, value):
    """StreamField values compare by their normalised JSON form; everything else as is."""
    field = page._meta.get_field(name)
    if isinstance(field, StreamField):
        stream = field.to_python(value)
        list(stream)  # convert every block, so older literal forms (plain list items) normalise
        prepared = field.get_prep_value(stream)
        if isinstance(prepared, str):
            prepared = json.loads(prepared)
        return json.dumps(_without_block_ids(prepared), sort_keys=True, default=str)
    return value


def upsert_page(parent, page_class, slug, **fields):
    """Create or update the child of `parent` with this slug, and publish it when it changed."""
    page = page_class.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = page_class(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page
    changed = False
    for name, value in fields.items():
        if _comparable(page, name, getattr(page, name)) != _comparable(page, name, value):
            setattr(page, name, value)
            changed = True
    if changed or not page.live or page.has_unpublished_changes:
        page.save_revision().publish()
    return page


def ensure_user(username, password, *, email, superuser=False, groups=(), **fields):
    """Create or reset a demo account with a known password."""
    user, _ = get_user_model().objects.get_or_create(username=username, defaults={"email": email})
    user.email = email
    user.is_active = True
    user.is_staff = superuser
    user.is_superuser = superuser
    for name, value in fields.items():
        setattr(user, name, value)
    user.set_password(password)
    user.save()
    if groups:
        user.groups.add(*groups)
    return user


def upsert_snippet(model, lookup, **fields):
    """Create or update the moderated snippet found by `lookup`, and publish it when it changed.

    The demo's version is what the site shows, so it goes through a revision and is published,
    as a moderator would do. Many-to-many values are given as lists of objects.
    """
    related = {name for name in fields if model._meta.get_field(name).many_to_many}
    plain = {name: value for name, value in fields.items() if name not in related}
    entry = model.objects.filter(**lookup).first()
    changed = entry is None
    if entry is None:
        entry = model(**lookup, **plain)
    for name, value in plain.items():
        if getattr(entry, name) != value:
            setattr(entry, name, value)
            changed = True
    for name in related:
        current = {item.pk for item in getattr(entry, name).all()} if entry.pk else set()
        if current != {item.pk for item in fields[name]}:
            getattr(entry, name).set(fields[name])
            changed = True
    if changed or not entry.live or entry.has_unpublished_changes or not entry.live_revision_id:
        if entry.pk is None:
            entry.save()
        entry.save_revision().publish()
    return entry
