"""The counts the database computes are those a brute-force count over the providers gives.

Forty providers drawn at random (seeded): local, remote, both, or neither; a région or some
départements; prestations, tools, types, CHATONS. For combined filters, every choice's count,
the "my région only" count, the number of results and their order are compared with a plain
Python reading of the same providers.
"""

import random
import re

import pytest

from directory.models import Department, Offering, StructureType
from home.demo_tools import ensure_home_page
from tests.factories.directory import DirectoryIndexPageFactory, ProviderPageFactory, ToolFactory
from tests.helpers import shared_test_data

REGIONS = ["bretagne", "auvergne-rhone-alpes", "corse"]
DEPARTMENTS = ["35", "29", "69", "2A", "75"]
TOOLS = ["nextcloud", "peertube", "jitsi-meet"]
WORDS = ["Alpha", "Bravo"]

pytestmark = pytest.mark.django_db

QUERIES = [
    "",
    "region=bretagne",
    "region=bretagne&locales=1",
    "departement=35",
    "departement=69&prestation=hebergement",
    "region=corse&outil=peertube&type=cooperative",
    "region=auvergne-rhone-alpes&departement=69&chatons=1",
    "chatons=1&distance=1",
    "prestation=diagnostic&locales=1",
    "outil=nextcloud&prestation=formation-utilisateurs&region=bretagne",
    "q=alpha",
    "q=alpha&region=bretagne&type=association",
    "departement=2A&locales=1&outil=jitsi-meet",
]


def draw(rng, number, offerings):
    reach = rng.random()
    return {
        "title": f"{rng.choice(WORDS)} Structure {number:02d}",
        "structure_type": rng.choice(StructureType.values),
        "chatons_member": rng.random() < 0.3,
        "remote": rng.random() < 0.35,
        "offerings": rng.sample(offerings, rng.randint(1, 3)),
        "tools": rng.sample(TOOLS, rng.randint(0, 2)),
        "regions": rng.sample(REGIONS, 1) if reach < 0.35 else [],
        "departments": rng.sample(DEPARTMENTS, rng.randint(1, 2)) if reach > 0.6 else [],
    }


@pytest.fixture(scope="module")
def drawn(django_db_setup, django_db_blocker):
    """The forty providers, built once for the module, and what a brute force knows of them."""
    with shared_test_data(django_db_blocker):
        directory = DirectoryIndexPageFactory(parent=ensure_home_page())
        tools = {slug: ToolFactory(slug=slug, name=slug.title()) for slug in TOOLS}
        offerings = list(Offering.objects.values_list("slug", flat=True))
        rng = random.Random(15)  # noqa: S311 (sample data)
        specs = [draw(rng, number, offerings) for number in range(40)]
        for spec in specs:
            ProviderPageFactory(
                parent=directory,
                **{k: v for k, v in spec.items() if k != "tools"},
                tools=[tools[slug] for slug in spec["tools"]],
            )
        departments = list(Department.objects.select_related("region"))
        yield [facts_of(spec, departments) for spec in specs]


FACETS = ["region", "departement", "prestation", "outil", "type", "chatons", "distance"]
AREAS = ("region", "departement")


def facts_of(spec, departments):
    """What each filter sees of a provider: a région covers its départements and the reverse."""
    region_of = {d.code: d.region.slug for d in departments}
    return {
        "title": spec["title"],
        "remote": spec["remote"],
        "values": {
            "region": set(spec["regions"]) | {region_of[code] for code in spec["departments"]},
            "departement": set(spec["departments"])
            | {d.code for d in departments if d.region.slug in spec["regions"]},
            "prestation": set(spec["offerings"]),
            "outil": set(spec["tools"]),
            "type": {spec["structure_type"]},
            "chatons": {"1"} if spec["chatons_member"] else set(),
            "distance": {"1"} if spec["remote"] else set(),
        },
    }


class BruteForce:
    """The directory's rules read plainly, one provider at a time."""

    def __init__(self, providers, query):
        params = dict(pair.split("=") for pair in query.split("&") if pair)
        self.selected = {name: params[name] for name in FACETS if name in params}
        self.local_only = params.get("locales") == "1"
        word = params.get("q", "").lower()
        self.pool = [p for p in providers if not word or word in p["title"].lower().split()]

    def matches(self, provider, name, value, local=False):
        reaches = name in AREAS and provider["remote"] and not (self.local_only or local)
        return value in provider["values"][name] or reaches

    def keeps(self, provider, leaving_out=None, local=False):
        return all(
            self.matches(provider, name, value, local)
            for name, value in self.selected.items()
            if name != leaving_out
        )

    def count(self, name, value):
        return sum(self.keeps(p, name) and self.matches(p, name, value) for p in self.pool)

    def local_count(self):
        return sum(self.keeps(p, local=True) for p in self.pool)

    def results(self):
        found = [p for p in self.pool if self.keeps(p)]
        return sorted(found, key=lambda p: (not self.keeps(p, local=True), p["title"]))


def shown_counts(html):
    """{(filter, value): count} of every choice the filter panel shows."""
    counts = {}
    for name, select in re.findall(
        r'<select id="annuaire-([a-z]+)"[^>]*>(.*?)</select>', html, re.S
    ):
        for value, count in re.findall(r'<option value="([^"]+)"[^>]*>[^<]*\((\d+)\)', select):
            counts[name, value] = int(count)
    for name in ("chatons", "distance"):
        found = re.search(
            rf'<label for="annuaire-{name}">[^<]*<span class="facet-count">\((\d+)\)', html
        )
        counts[name, "1"] = int(found.group(1))
    return counts


@pytest.mark.parametrize("query", QUERIES)
def test_every_count_is_the_brute_force_count(client, drawn, query):
    html = client.get(f"/annuaire/?{query}").content.decode()
    brute = BruteForce(drawn, query)
    shown = shown_counts(html)
    assert len(shown) > 20  # régions, prestations, tools, types and the two boxes at least
    assert shown == {key: brute.count(*key) for key in shown}
    local = re.search(r'de ma région <span class="facet-count">\((\d+)\)', html)
    if "region=" in query or "departement=" in query:
        assert int(local.group(1)) == brute.local_count()
    results = brute.results()
    total = re.search(r'<p class="directory-count" role="status">(\d+) structure', html)
    assert (int(total.group(1)) if total else 0) == len(results)
    listed = re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html)
    assert listed == [p["title"] for p in results[:12]]


def test_the_sample_has_every_kind_of_provider(drawn):
    """Otherwise the comparison above would prove less than it says."""
    remote_and_local = [p for p in drawn if p["remote"] and p["values"]["region"]]
    remote_only = [p for p in drawn if p["remote"] and not p["values"]["region"]]
    local_only = [p for p in drawn if not p["remote"] and p["values"]["region"]]
    assert remote_and_local and remote_only and local_only
    assert len(BruteForce(drawn, "").results()) > 12  # more than one page
