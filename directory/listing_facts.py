"""Keeps each provider's ListingFact rows equal to its saved profile.

A profile's table row and many-to-many rows hold its published content (saving a draft only
writes a revision), so the facts are rebuilt from the database after every save that may
change them: publishing, reverting, copying, a direct save. Deleting a profile deletes its
facts (cascade). Whether a profile is listed at all (live, public, in the directory) is read
when the directory is served, so unpublishing, moving or restricting needs nothing here.
"""

from django.apps import apps as installed_apps
from django.db import transaction

# Facets read from the profile's own columns, and the many-to-many ones written as facts.
TYPE, CHATONS, REMOTE = "type", "chatons", "distance"
REGION, DEPARTMENT, OFFERING, TOOL = "region", "departement", "prestation", "outil"
YES = "1"
FACT_FIELDS = {"structure_type", "chatons_member", "remote", "offerings", "tools", "regions",
               "departments"}  # fmt: skip
BATCH = 2000


def facts_of(provider_ids, apps=installed_apps):
    """The (provider id, facet, value) rows these providers' saved profiles give."""
    provider_model = apps.get_model("directory", "ProviderPage")
    department_model = apps.get_model("directory", "Department")
    departments_by_region = {}
    region_of = {}
    for pk, region_id in department_model.objects.values_list("pk", "region_id"):
        departments_by_region.setdefault(region_id, []).append(pk)
        region_of[pk] = region_id
    facts = set()
    for pk, structure_type, chatons, remote in provider_model.objects.filter(
        pk__in=provider_ids
    ).values_list("pk", "structure_type", "chatons_member", "remote"):
        facts.add((pk, TYPE, structure_type))
        if chatons:
            facts.add((pk, CHATONS, YES))
        if remote:
            facts.add((pk, REMOTE, YES))

    def rows(relation):
        field = provider_model._meta.get_field(relation)
        return field.remote_field.through.objects.filter(
            **{f"{field.m2m_field_name()}__in": provider_ids}
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


def changes_facts(update_fields):
    """Whether a save with these update_fields may change a profile's facts."""
    return update_fields is None or bool(FACT_FIELDS & set(update_fields))
