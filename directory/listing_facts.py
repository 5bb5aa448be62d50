"""Keeps the ListingFact rows equal to the listed providers' saved profiles.

Only a listed provider has facts: live and public (no view restriction on it or above it);
there is one directory (max_count = 1), under which every profile lives. A profile's table
row and many-to-many rows hold its published content (saving a draft only writes a
revision), so its facts are rebuilt from the database after every save that may change them:
publishing, unpublishing (and expiry), reverting, copying, a direct save. Adding or removing a
view restriction rebuilds the facts of the profiles under it (signals in wagtail_hooks);
deleting a profile deletes its facts (cascade).

Every rewrite, a profile's deletion and a change to a choice offered to filter on
(signal_handlers) give the facts a new version: the directory's index of them (listing_index)
is kept under it, and rebuilt when it changes.
"""

from uuid import uuid4

from django.apps import apps as installed_apps
from django.core.cache import cache
from django.db import transaction

# Facets read from the profile's own columns, and the many-to-many ones written as facts.
TYPE, CHATONS, REMOTE, OPEN = "type", "chatons", "distance", "ouvert"
REGION, DEPARTMENT, OFFERING, TOOL = "region", "departement", "prestation", "outil"
YES = "1"
# What a profile's facts, or its place in the directory's order (its title), are read from.
FACT_FIELDS = {"live", "structure_type", "chatons_member", "remote", "offerings", "tools",
               "regions", "departments", "title", "accepting_new_associations"}  # fmt: skip
BATCH = 2000
VERSION_KEY = "directory:listing-facts:version"


def facts_of(provider_ids, apps=installed_apps):
    """The (provider id, facet, value) rows these providers' saved profiles give."""
    provider_model = apps.get_model("directory", "ProviderPage")
    department_model = apps.get_model("directory", "Department")
    departments_by_region = {}
    region_of = {}
    for pk, region_id in department_model.objects.values_list("pk", "region_id"):
        departments_by_region.setdefault(region_id, []).append(pk)
        region_of[pk] = region_id
    restriction_model = apps.get_model("wagtailcore", "PageViewRestriction")
    restricted = tuple(restriction_model.objects.values_list("page__path", flat=True))
    facts = set()
    listed_ids = set()
    for pk, path, structure_type, chatons, remote, accepting in provider_model.objects.filter(
        pk__in=provider_ids, live=True
    ).values_list(
        "pk", "path", "structure_type", "chatons_member", "remote", "accepting_new_associations"
    ):
        if path.startswith(restricted):
            continue  # private: not listed
        listed_ids.add(pk)
        facts.add((pk, TYPE, structure_type))
        if chatons:
            facts.add((pk, CHATONS, YES))
        if remote:
            facts.add((pk, REMOTE, YES))
        if accepting:  # not a filter: the diagnostic names open providers first
            facts.add((pk, OPEN, YES))

    def rows(relation):
        field = provider_model._meta.get_field(relation)
        return field.remote_field.through.objects.filter(
            **{f"{field.m2m_field_name()}__in": listed_ids}
        ).values_list(f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id")

    for pk, offering_id in rows("offerings"):
        facts.add((pk, OFFERING, str(offering_id)))
    for pk, tool_id in rows("tools"):
        facts.add((pk, TOOL, str(tool_id)))
    for pk, region_id in rows("regions"):
        facts.add((pk, REGION, str(region_id)))
        facts.update((pk, DEPARTMENT, str(d)) for d in departments_by_region.get(region_id, ()))
    for pk, department_id in rows("departments"):
        facts.add((pk, DEPARTMENT, str(department_id)))
        facts.add((pk, REGION, str(region_of[department_id])))
    return facts


@transaction.atomic
def refresh_listing_facts(provider_ids, apps=installed_apps):
    """Rewrite the facts of these providers from what is saved of them."""
    fact_model = apps.get_model("directory", "ListingFact")
    for start in range(0, len(provider_ids), BATCH):
        batch = list(provider_ids[start : start + BATCH])
        fact_model.objects.filter(provider_id__in=batch).delete()
        fact_model.objects.bulk_create(
            [
                fact_model(provider_id=pk, facet=facet, value=value)
                for pk, facet, value in sorted(facts_of(batch, apps))
            ],
            batch_size=BATCH,
        )
    if apps is installed_apps:  # a migration's rewrite comes before any index of the facts
        facts_changed()


def facts_changed():
    """A new version of the facts now, for this process and those reading after it, and again
    when the transaction commits: an index another process builds meanwhile, from the data
    before the commit, is then left behind."""
    _new_version()
    transaction.on_commit(_new_version)


def _new_version():
    cache.set(VERSION_KEY, uuid4().hex, timeout=None)


def facts_version():
    """The current version of the facts; a new one when the cache has lost it (never an old
    one back), or a new one at each call when there is no cache that keeps it."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version or uuid4().hex


def refresh_listing_facts_under(page_id):
    """Rewrite the facts of the profiles at or under this page (its privacy changed); none
    when the page is being deleted, its profiles with it."""
    page = installed_apps.get_model("wagtailcore", "Page").objects.filter(pk=page_id).first()
    if page is not None:
        provider_model = installed_apps.get_model("directory", "ProviderPage")
        under = provider_model.objects.filter(path__startswith=page.path)
        refresh_listing_facts(list(under.values_list("pk", flat=True)))


def changes_facts(update_fields):
    """Whether a save with these update_fields may change a profile's facts."""
    return update_fields is None or bool(FACT_FIELDS & set(update_fields))
