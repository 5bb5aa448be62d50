"""The shortlist computed in the database keeps exactly what ranking every candidate gives.

`find_providers` scores providers from the directory's listing facts and loads the facts of the
few it can propose; `rank` over every candidate's facts is the reference (test_matching).
"""

import datetime
import random

import pytest

from diagnostic.answers import Answers, Means, Wish
from diagnostic.matching import (
    find_providers,
    load_alternatives,
    load_candidates,
    rank,
    shortlist,
)
from directory.models import Department
from home.demo_tools import ensure_home_page
from tests.factories.catalogue import FreeAlternativeFactory, ProprietaryServiceFactory
from tests.factories.directory import DirectoryIndexPageFactory, ProviderPageFactory
from tests.helpers import shared_test_data, without_index_updates

OFFERINGS = ["hebergement", "formation-utilisateurs", "diagnostic", "financement", "mediation"]
DEPARTMENTS = ["35", "29", "56", "69", "75"]

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def directory_of_forty(django_db_setup, django_db_blocker):
    """Forty providers with facts drawn at random (seeded), many tied on score and date: built
    once for the module's tests, which only read them (or add what they roll back)."""
    with shared_test_data(django_db_blocker), without_index_updates():
        yield build_directory_of_forty()


def build_directory_of_forty():
    draw = random.Random(15)  # noqa: S311 (test data, not secrets)
    gmail = ProprietaryServiceFactory(live=True, slug="gmail")
    doodle = ProprietaryServiceFactory(live=True, slug="doodle")
    tools = [
        FreeAlternativeFactory(live=True, replaces=[gmail], self_hostable=True),
        FreeAlternativeFactory(live=True, replaces=[gmail], self_hostable=False),
        FreeAlternativeFactory(live=True, replaces=[doodle]),
    ]
    index = DirectoryIndexPageFactory(parent=ensure_home_page())
    for number in range(40):
        ProviderPageFactory(
            parent=index,
            title=f"Structure {draw.choice('ABC')}{number:02}",
            remote=draw.random() < 0.4,
            prices_adapted=draw.random() < 0.5,
            accepting_new_associations=draw.random() < 0.8,
            last_reviewed=datetime.date(2026, 1, 1) + datetime.timedelta(draw.randrange(3)),
            departments=draw.sample(DEPARTMENTS, draw.randrange(2)),
            regions=["bretagne"] if draw.random() < 0.15 else [],
            offerings=draw.sample(OFFERINGS, draw.randrange(3)),
            tools=draw.sample(tools, draw.randrange(3)),
        )
    ProviderPageFactory(parent=index, title="Brouillon", remote=True, live=False, tools=tools)
    return gmail, doodle


def answers_for(services, department_code, **kwargs):
    department = None
    if department_code:
        department = Department.objects.select_related("region").get(code=department_code)
    return Answers(
        services=tuple(services),
        department=department,
        region=department.region if department else None,
        remote_only=department is None,
        **kwargs,
    )


def described(proposal):
    return [
        (match.provider.pk, match.score, match.reasons, match.accepting)
        for match in proposal.matches + proposal.fallback
    ], bool(proposal.matches)


@pytest.mark.parametrize(
    "which, department, options",
    [
        ("gmail doodle", "35", {"wishes": (Wish.TRAINED, Wish.HOSTED), "means": Means.NONE}),
        ("gmail", "29", {"wishes": (Wish.ACCOMPANIED,), "means": Means.FUNDING}),
        ("doodle", "69", {"wishes": (), "means": Means.NONE}),
        ("gmail doodle", None, {"wishes": (Wish.DIY,)}),
        ("gmail", "56", {"wishes": (Wish.HOSTED,)}),
    ],
)
def test_the_shortlist_proposes_what_ranking_every_candidate_does(
    directory_of_forty, which, department, options
):
    services = [s for s in directory_of_forty if s.slug in which.split()]
    answers = answers_for(services, department, **options)
    alternatives = load_alternatives(answers.service_ids)
    everyone = load_candidates(answers, alternatives)
    expected = rank(answers, everyone, alternatives)
    found = find_providers(answers)
    assert described(found) == described(expected)
    # Only the providers that can make the result (ties on the last place included) are
    # loaded, not every candidate.
    assert len(shortlist(answers, alternatives)) < len(everyone)


def test_with_nobody_fitting_the_closest_remote_providers_are_still_offered(
    directory_of_forty,
):
    lonely = ProprietaryServiceFactory(live=True)
    answers = answers_for([lonely], "75", wishes=())
    alternatives = load_alternatives(answers.service_ids)
    expected = rank(answers, load_candidates(answers, alternatives), alternatives)
    found = find_providers(answers)
    assert found.nothing_found and found.fallback
    assert described(found) == described(expected)
