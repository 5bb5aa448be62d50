"""Load one file of demo/ into the site: natural keys in, the same site out, however many runs.

A file may hold `media` (images and documents, files beside the data), `snippets` (moderated,
published through a revision), `records` (plain rows, created once), `pages` (created or
updated under their parent's slug) and `site_settings`. References are natural keys (a slug, a
code, a username, an image title), also inside StreamField bodies, which are in Wagtail's JSON
shape. `<field>_in_days` with `<field>_time` sets a date and time relative to today.
"""

import datetime
import json
import zoneinfo

from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.db.models import ForeignKey, ManyToManyField, ManyToOneRel
from django.utils import timezone
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, Site, Workflow, WorkflowPage

from home.demo_tools import upsert_page, upsert_snippet

DEMO_DIR = settings.BASE_DIR / "demo"
NATURAL_KEYS = ("slug", "code", "username", "title")


def data_file(name):
    return DEMO_DIR / f"{name}.json"


def read(name):
    return json.loads(data_file(name).read_text(encoding="utf-8"))


def find(model, key):
    """The object of `model` named by its natural key: the first of NATURAL_KEYS it has."""
    if isinstance(model, str):
        model = apps.get_model(model)
    names = {field.name for field in model._meta.get_fields()}
    return model.objects.get(**{next(n for n in NATURAL_KEYS if n in names): key})


def block_value(block, value):
    """A stream value with the natural keys of chosen objects replaced by their ids."""
    if isinstance(block, blocks.ChooserBlock):
        return find(block.target_model, value).pk if value not in (None, "") else value
    if isinstance(block, blocks.StructBlock):
        return {k: block_value(block.child_blocks[k], v) for k, v in value.items()}
    if isinstance(block, blocks.ListBlock):
        return [block_value(block.child_block, item) for item in value]
    if isinstance(block, blocks.StreamBlock):
        return [
            {**item, "value": block_value(block.child_blocks[item["type"]], item["value"])}
            for item in value
        ]
    return value


def relative_dates(entry):
    """`start_in_days: 7, start_time: "18:30"` becomes `start`, in the site's time zone."""
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    today = timezone.localdate(timezone=zone)
    for key in [key for key in entry if key.endswith("_in_days")]:
        name = key.removesuffix("_in_days")
        day = today + datetime.timedelta(days=entry.pop(key))
        moment = datetime.time.fromisoformat(entry.pop(f"{name}_time"))
        entry[name] = datetime.datetime.combine(day, moment, tzinfo=zone)
    return entry


def resolve(model, entry):
    """Field values as the model takes them: objects for references, typed plain values."""
    fields = {}
    for name, value in relative_dates(dict(entry)).items():
        field = model._meta.get_field(name)
        if isinstance(field, ManyToOneRel):  # inline children, such as a webinar's speakers
            child = field.related_model
            fields[name] = [child(**resolve(child, item)) for item in value]
        elif isinstance(field, ManyToManyField):
            fields[name] = [find(field.related_model, key) for key in value]
        elif isinstance(field, ForeignKey):
            fields[name] = None if value is None else find(field.related_model, value)
        elif isinstance(field, StreamField):
            fields[name] = block_value(field.stream_block, value)
        else:
            fields[name] = field.to_python(value)
    return fields


def load_media(media):
    """Images and documents, found again by title, their files in demo/media/.

    Other keys are fields, such as an image's `description` (its alternative text).
    """
    for model, kind in ((get_image_model(), "images"), (get_document_model(), "documents")):
        for entry in media.get(kind, []):
            fields = {name: value for name, value in entry.items() if name != "file"}
            if not model.objects.filter(title=entry["title"]).exists():
                with (DEMO_DIR / "media" / entry["file"]).open("rb") as file:
                    model.objects.create(**fields, file=File(file, entry["file"]))


def load_records(label, spec):
    """Rows nobody edits in the demo: created once, found again by their `lookup` fields."""
    model = apps.get_model(label)
    for entry in spec["entries"]:
        fields = resolve(model, entry)
        related = {n: fields.pop(n) for n in list(fields) if isinstance(fields[n], list)}
        lookup = {name: fields.pop(name) for name in spec["lookup"]}
        row, _ = model.objects.get_or_create(**lookup, defaults=fields)
        for name, objects in related.items():
            getattr(row, name).set(objects)


def load_page(entry):
    """Create or update one page; `workflow` names the moderation workflow of its subtree."""
    entry = dict(entry)
    model = apps.get_model(entry.pop("type"))
    parent = Page.objects.get(slug=entry.pop("parent"))
    workflow = entry.pop("workflow", None)
    page = upsert_page(parent, model, entry.pop("slug"), **resolve(model, entry))
    if workflow:
        WorkflowPage.objects.get_or_create(
            page=page, defaults={"workflow": Workflow.objects.get(name=workflow)}
        )


def load(name):
    """Load demo/<name>.json and give back its data."""
    data = read(name)
    load_media(data.get("media", {}))
    for label, entries in data.get("snippets", {}).items():
        model = apps.get_model(label)
        for entry in entries:
            fields = resolve(model, entry)
            upsert_snippet(model, {"slug": fields.pop("slug")}, **fields)
    for entry in data.get("pages", []):
        load_page(entry)
    for label, spec in data.get("records", {}).items():
        load_records(label, spec)
    for label, values in data.get("site_settings", {}).items():
        site_settings = apps.get_model(label).for_site(Site.objects.get(is_default_site=True))
        for field_name, value in resolve(type(site_settings), values).items():
            setattr(site_settings, field_name, value)
        site_settings.save()
    return data
