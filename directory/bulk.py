"""Provider profiles by the thousand, spread as a real directory would be (generate_bulk_content).

Populous régions have more structures; most serve a few départements of their région, some
the whole région, a third work remotely (some of those nowhere in particular); a few
prestations and tools are far more common than others; one in five is full for the moment.
Each profile is drawn from its own seeded random source, so a later, larger run adds the
same profiles a fresh one would have made.
"""

import datetime

from django.utils import timezone

from catalogue.models import FreeAlternative
from home.bulk_pages import add_live_children, seeded, series_to_top_up

from .listing_facts import refresh_listing_facts
from .models import Department, DirectoryIndexPage, Offering, ProviderPage, Region, StructureType
from .models.taxonomy import OfferType, SupportLevel

OPTION = "providers"
HELP = "nombre de fiches prestataires générées dans l'annuaire"
SLUG_PREFIX = "bulk-structure-"

# Rough share of the population, so that Île-de-France has many structures and Mayotte few.
REGION_WEIGHTS = {
    "ile-de-france": 18, "auvergne-rhone-alpes": 12, "nouvelle-aquitaine": 9, "occitanie": 9,
    "hauts-de-france": 9, "grand-est": 8, "provence-alpes-cote-dazur": 8, "pays-de-la-loire": 6,
    "bretagne": 6, "normandie": 5, "bourgogne-franche-comte": 4, "centre-val-de-loire": 4,
    "corse": 1, "la-reunion": 1, "guadeloupe": 1, "martinique": 1, "guyane": 1, "mayotte": 1,
}  # fmt: skip
TYPE_WEIGHTS = {
    StructureType.ASSOCIATION: 40, StructureType.COOPERATIVE: 20, StructureType.COMPANY: 20,
    StructureType.SOLE_TRADER: 15, StructureType.COLLECTIVE: 5,
}  # fmt: skip
KIND_WORDS = {
    StructureType.ASSOCIATION: "Association", StructureType.COOPERATIVE: "Coopérative",
    StructureType.COMPANY: "Atelier", StructureType.SOLE_TRADER: "Conseil",
    StructureType.COLLECTIVE: "Collectif",
}  # fmt: skip
NAME_WORDS = ["Libre", "Numérique", "des Communs", "Solidaire", "Ouvert", "du Logiciel libre",
              "Éthique", "Partagé", "Citoyen", "des Chatons"]  # fmt: skip


def _weighted_sample(rng, population, weights, count):
    chosen = []
    while len(chosen) < min(count, len(population)):
        pick = rng.choices(population, weights)[0]
        if pick not in chosen:
            chosen.append(pick)
    return chosen


class Vocabulary:
    """What profiles are drawn from, read once: régions and their départements, prestations,
    published tools (the first ones of the catalogue the most common)."""

    def __init__(self):
        self.regions = list(Region.objects.order_by("slug"))
        self.region_weights = [REGION_WEIGHTS.get(region.slug, 1) for region in self.regions]
        self.departments = {region.pk: [] for region in self.regions}
        for department in Department.objects.order_by("code"):
            self.departments[department.region_id].append(department)
        self.offerings = list(Offering.objects.order_by("sort_order", "slug"))
        self.tools = list(FreeAlternative.objects.live().order_by("pk"))
        self.tool_weights = [1 / (rank + 2) for rank in range(len(self.tools))]


def draw_provider(number, seed, vocabulary):
    """One profile, its prestations, tools, régions and départements."""
    rng = seeded(seed, "provider", number)
    region = rng.choices(vocabulary.regions, vocabulary.region_weights)[0]
    departments = vocabulary.departments[region.pk]
    remote = rng.random() < 0.35
    reach = rng.random()
    regions, covered = [], []
    if remote and reach < 0.3:
        pass  # remote only
    elif reach < 0.6:
        covered = rng.sample(departments, min(len(departments), rng.randint(1, 3)))
    else:
        regions = [region]
        if rng.random() < 0.15:
            neighbour = rng.choices(vocabulary.regions, vocabulary.region_weights)[0]
            regions += [neighbour] if neighbour != region else []
    structure_type = rng.choices(list(TYPE_WEIGHTS), list(TYPE_WEIGHTS.values()))[0]
    place = (covered[0].name if covered else region.name) if (covered or regions) else "France"
    title = f"{KIND_WORDS[structure_type]} {rng.choice(NAME_WORDS)} {place} {number:05d}"
    price_min = rng.choice([None, 150, 200, 250, 300, 350])
    offerings = _weighted_sample(
        rng, vocabulary.offerings, [9, 6, 2, 8, 8, 7, 4, 5, 3][: len(vocabulary.offerings)],
        rng.randint(1, 4),
    )  # fmt: skip
    tools = _weighted_sample(rng, vocabulary.tools, vocabulary.tool_weights, rng.randint(0, 6))
    page = ProviderPage(
        title=title,
        slug=f"{SLUG_PREFIX}{number:05d}",
        introduction=f"{title} accompagne les associations vers des outils libres et éthiques.",
        description=f"<p>{title} installe, forme et conseille les associations.</p>",
        structure_type=structure_type,
        chatons_member=rng.random() < 0.12,
        accepting_new_associations=rng.random() < 0.8,
        support_level=rng.choice(SupportLevel.values),
        offer_type=rng.choice(OfferType.values),
        remote=remote,
        city=place if place != "France" else "",
        price_min=price_min,
        price_max=price_min + rng.choice([50, 100, 200]) if price_min else None,
        prices_adapted=rng.random() < 0.5,
        website=f"https://{SLUG_PREFIX}{number:05d}.example.org/",
        contact_email=f"contact@{SLUG_PREFIX}{number:05d}.example.org",
        last_reviewed=timezone.localdate() - datetime.timedelta(days=rng.randint(0, 700)),
    )
    return page, {"offerings": offerings, "tools": tools, "regions": regions,
                  "departments": covered}  # fmt: skip


def generate(count, seed):
    """Bring the bulk profiles up to `count`, never twice; return how many were added."""
    series = series_to_top_up(
        DirectoryIndexPage,
        ProviderPage,
        SLUG_PREFIX,
        count,
        "Aucun annuaire : chargez d'abord la démonstration (load_demo_content).",
    )
    if series is None:
        return 0
    directory, existing = series
    vocabulary = Vocabulary()
    drawn = [draw_provider(number, seed, vocabulary) for number in range(existing, count)]
    pages = [page for page, _relations in drawn]
    relations = {name: [rel[name] for _page, rel in drawn] for name in drawn[0][1]}
    add_live_children(directory, pages, many_to_many=relations)
    refresh_listing_facts([page.pk for page in pages])
    return len(pages)
