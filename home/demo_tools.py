"""Helpers that make `load_demo_content` idempotent: run it twice, get the same site."""

from django.contrib.auth import get_user_model
from django.forms.models import model_to_dict
from wagtail.fields import StreamField
from wagtail.models import Page, Site

from home.models import HomePage
from home.site_address import follow_site_url


def ensure_home_page():
    """The default site's root: the HomePage that home/migrations/0008 puts in place of
    Wagtail's welcome page (made again if someone deleted it), the site pointing at SITE_URL."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Accueil", slug="accueil"))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(root_page=home, is_default_site=True, site_name="Emancip'Asso")
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Emancip'Asso"
        site.save()
    follow_site_url(site)
    return home


def _without_block_ids(data):
    """Block ids differ between a stored stream and the demo's data: ignore them."""
    if isinstance(data, dict):
        return {k: _without_block_ids(v) for k, v in data.items() if k != "id"}
    if isinstance(data, list):
        return [_without_block_ids(item) for item in data]
    return data


def _comparable(page, name, value):
    """A field's value in a form that compares equal when the site would show the same."""
    field = page._meta.get_field(name)
    if isinstance(field, StreamField):
        stream = field.to_python(value)
        list(stream)  # convert every block, so that shorthand forms (plain list items) normalise
        return _without_block_ids(field.stream_block.get_prep_value(stream))
    items = value.all() if hasattr(value, "all") else value
    if field.many_to_many:
        return {item.pk for item in items}
    if field.one_to_many:  # inline children: compare their own fields, in order
        links = ["id", "sort_order", field.field.name]
        if hasattr(items, "order_by"):
            # Stored children in the order they were written: the demo leaves `sort_order`
            # empty, and PostgreSQL returns rows of equal sort_order in any order.
            items = items.order_by("sort_order", "pk")
        return [model_to_dict(child, exclude=links) for child in items]
    return value


def _apply(obj, fields):
    """Set the fields whose value differs from `obj`'s, and tell whether there were any."""
    changed = [
        name
        for name, value in fields.items()
        if _comparable(obj, name, getattr(obj, name)) != _comparable(obj, name, value)
    ]
    for name in changed:
        setattr(obj, name, fields[name])
    return bool(changed)


def upsert_page(parent, page_class, slug, **fields):
    """Create or update the child of `parent` with this slug, and publish it when it changed."""
    page = page_class.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = parent.add_child(instance=page_class(slug=slug, **fields))
        page.save_revision().publish()
    elif _apply(page, fields) or not page.live or page.has_unpublished_changes:
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
    entry = model.objects.filter(**lookup).first()
    changed = entry is None
    if entry is None:
        entry = model(**lookup, **fields)
        entry.save()
    else:
        changed = _apply(entry, fields)
    if changed or not entry.live or entry.has_unpublished_changes or not entry.live_revision_id:
        entry.save_revision().publish()
    return entry
