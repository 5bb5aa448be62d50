"""Live pages added by the thousand for benchmarks and scale tests (generate_bulk_content).

`Page.add_child` saves one page at a time, with its revision and search entry: an hour for
10 000 profiles. `add_live_children` writes the same rows in a few statements: the tree's
materialised paths (treebeard), the page and specific tables, one live revision each, the
many-to-many rows and child objects the caller gives, then the search index in bulk. Each page
is then what the admin would have published: live, its latest revision its live one.
"""

import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, Revision
from wagtail.search.backends import get_search_backends

BATCH_SIZE = 1000


def seeded(seed, kind, number):
    """The random source of one bulk object: the same seed gives the same object, whether it is
    made in a first run or when a later run tops the series up."""
    return random.Random(f"{seed}:{kind}:{number}")  # noqa: S311 (sample data, not secrets)


def series_to_top_up(index_model, page_model, slug_prefix, count, missing):
    """(the index page the series hangs from, how many of it exist already), or None when the
    series already has `count` pages; `missing` is said when the demo has no such index."""
    index = index_model.objects.first()
    if index is None:
        raise LookupError(missing)
    existing = page_model.objects.filter(slug__startswith=slug_prefix).count()
    return None if existing >= count else (index, existing)


def next_positions(parent, count):
    """Materialised paths for `count` new children appended after the parent's last child."""
    last = parent.get_last_child()
    start = last._get_lastpos_in_path() if last else 0
    depth = parent.depth + 1
    return [Page._get_path(parent.path, depth, start + offset) for offset in range(1, count + 1)]


@transaction.atomic
def add_live_children(parent, pages, *, many_to_many=None, children=None, when=None):
    """Append unsaved specific pages (one model) to `parent`, live, each with its revision.

    many_to_many: {field name: [list of related objects per page, in page order]};
    children: a function(page) -> unsaved child objects (ParentalKey) to insert in bulk.
    """
    if not pages:
        return []
    model = type(pages[0])
    parent = Page.objects.get(pk=parent.pk)
    when = when or timezone.now()
    content_type = ContentType.objects.get_for_model(model)
    for page, path in zip(pages, next_positions(parent, len(pages)), strict=True):
        page.path, page.depth, page.numchild = path, parent.depth + 1, 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.translation_key = uuid.uuid4()
        page.draft_title = page.title
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = page.last_published_at = when
        page.latest_revision_created_at = when
    Page.objects.bulk_create(pages, batch_size=BATCH_SIZE)
    for page in pages:
        page.page_ptr_id = page.id
    # Django's bulk_create refuses multi-table models: the specific table gets its own insert.
    model._base_manager.all()._batched_insert(pages, model._meta.local_concrete_fields, BATCH_SIZE)
    for name, related in (many_to_many or {}).items():
        _insert_many_to_many(model, name, pages, related)
    _insert_children(model, pages, children)
    _add_live_revisions(pages, content_type, when)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    index_pages(model, [page.pk for page in pages])
    return pages


def _insert_many_to_many(model, name, pages, related):
    descriptor = getattr(model, name)
    through = descriptor.through
    source = descriptor.rel.field.m2m_field_name()
    target = descriptor.rel.field.m2m_reverse_field_name()
    rows = [
        through(**{f"{source}_id": page.pk, f"{target}_id": obj.pk})
        for page, objects in zip(pages, related, strict=True)
        for obj in objects
    ]
    through.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    for page, objects in zip(pages, related, strict=True):
        getattr(page, name).set(objects)  # in memory, for the revisions' content


def _insert_children(model, pages, children):
    """Insert the pages' child objects, and give each page its children in memory (none for
    most relations), so that serialising it for its revision reads nothing back."""
    relations = get_all_child_relations(model)
    for page in pages:
        made = children(page) if children else []
        for relation in relations:
            mine = [child for child in made if isinstance(child, relation.related_model)]
            getattr(page, relation.get_accessor_name()).set(mine)
    for relation in relations:
        accessor = relation.get_accessor_name()
        rows = [child for page in pages for child in getattr(page, accessor).all()]
        relation.related_model.objects.bulk_create(rows, batch_size=BATCH_SIZE)


def _add_live_revisions(pages, content_type, when):
    base_type = ContentType.objects.get_for_model(Page)
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type=content_type,
                base_content_type=base_type,
                object_id=str(page.pk),
                object_str=page.title,
                content=page.serializable_data(),
                created_at=when,
            )
            for page in pages
        ],
        batch_size=BATCH_SIZE,
    )
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision_id = page.live_revision_id = revision.pk
    Page.objects.bulk_update(pages, ["latest_revision", "live_revision"], batch_size=BATCH_SIZE)


def index_pages(model, pks):
    """Search entries for these pages, written in batches rather than one page at a time."""
    prefetch = getattr(model, "bulk_index_prefetch", ())
    for start in range(0, len(pks), BATCH_SIZE):
        batch = model.objects.filter(pk__in=pks[start : start + BATCH_SIZE])
        batch = list(batch.prefetch_related(*prefetch))
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, batch)
