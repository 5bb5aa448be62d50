"""Matching on a small fixed directory: area, remote, prestation, tool, open/full, ties, none."""

import datetime
from types import SimpleNamespace

import pytest

from diagnostic.answers import Answers, Means, Wish
from diagnostic.matching import (
    AlternativeFact,
    ProviderFacts,
    directory_query,
    load_alternatives,
    load_candidates,
    match_providers,
    rank,
)
from directory.models import Department
from tests.factories.catalogue import FreeAlternativeFactory, ProprietaryServiceFactory
from tests.factories.directory import DirectoryIndexPageFactory, ProviderPageFactory


class Place(SimpleNamespace):
    def __str__(self):
        return f"{self.name} ({self.code})"


BRETAGNE = SimpleNamespace(pk=53, name="Bretagne", slug="bretagne")
ILLE_ET_VILAINE = Place(pk=35, code="35", name="Ille-et-Vilaine", region=BRETAGNE)
GMAIL = SimpleNamespace(pk=1, name="Gmail", slug="gmail", category_id=10)
DOODLE = SimpleNamespace(pk=2, name="Doodle", slug="doodle", category_id=11)
# The chosen tools' alternatives: Roundcube (7) replaces Gmail, Framadate (8) replaces Doodle.
ALTERNATIVES = [AlternativeFact(7, "Roundcube", 1), AlternativeFact(8, "Framadate", 2)]
DAY = datetime.date(2026, 6, 1)


def in_rennes(**kwargs):
    return Answers(
        services=(GMAIL, DOODLE),
        department=ILLE_ET_VILAINE,
        region=BRETAGNE,
        remote_only=False,
        **kwargs,
    )


def provider(pk, title, **facts):
    facts.setdefault("last_reviewed", DAY)
    return ProviderFacts(pk=pk, title=title, **facts)


def titles(proposal):
    return [match.provider.title for match in proposal.matches]


def test_the_departement_ranks_before_the_region_before_remote():
    candidates = [
        provider(1, "A distance", remote=True, tool_ids=frozenset({7})),
        provider(2, "Dans la région", partial_region_ids=frozenset({53}), tool_ids={7}),
        provider(3, "Dans le département", department_ids=frozenset({35}), tool_ids={7}),
    ]
    assert titles(rank(in_rennes(), candidates, ALTERNATIVES)) == [
        "Dans le département",
        "Dans la région",
        "A distance",
    ]


def test_a_region_covered_entirely_counts_as_the_departement():
    covers_region = provider(1, "Toute la Bretagne", region_ids=frozenset({53}), tool_ids={7})
    [match] = rank(in_rennes(), [covers_region], ALTERNATIVES).matches
    assert "intervient sur place : Ille-et-Vilaine (35)" in match.reasons


def test_a_provider_out_of_the_area_and_not_remote_is_left_out():
    elsewhere = provider(1, "Ailleurs", department_ids=frozenset({69}), tool_ids={7, 8})
    proposal = rank(in_rennes(), [elsewhere], ALTERNATIVES)
    assert proposal.matches == [] and proposal.fallback == []


def test_remote_only_answers_keep_remote_providers_only():
    answers = Answers(services=(GMAIL,), remote_only=True)
    local = provider(1, "Sur place", department_ids=frozenset({35}), tool_ids={7})
    remote = provider(2, "A distance", remote=True, tool_ids={7})
    proposal = rank(answers, [local, remote], ALTERNATIVES)
    assert titles(proposal) == ["A distance"]
    assert proposal.matches[0].reasons[-1] == "travaille à distance"


def test_hosting_the_chosen_tools_alternatives_ranks_higher_and_is_named():
    one_tool = provider(1, "Un outil", remote=True, tool_ids={7})
    two_tools = provider(
        2, "Deux outils", remote=True, tool_ids={7, 8}, offerings={"hebergement": "Hébergement"}
    )
    proposal = rank(in_rennes(), [one_tool, two_tools], ALTERNATIVES)
    assert titles(proposal) == ["Deux outils", "Un outil"]
    assert proposal.matches[0].reasons[0] == "héberge Roundcube, Framadate"
    assert proposal.matches[1].reasons[0] == "maîtrise Roundcube"


def test_an_app_to_install_is_mastered_not_hosted():
    signal = AlternativeFact(9, "Signal", 1, hostable=False)
    host = provider(1, "Hôte", remote=True, tool_ids={7, 9}, offerings={"hebergement": "H"})
    [match] = rank(in_rennes(), [host], [*ALTERNATIVES, signal]).matches
    assert match.reasons[:2] == ["héberge Roundcube", "maîtrise Signal"]


def test_wished_prestations_rank_higher_and_are_named():
    trains = provider(
        1, "Forme", remote=True, offerings={"formation-utilisateurs": "Formation des utilisateurs"}
    )
    hosts = provider(2, "Héberge", remote=True, offerings={"hebergement": "Hébergement"})
    proposal = rank(in_rennes(wishes=(Wish.TRAINED,)), [hosts, trains], ALTERNATIVES)
    assert titles(proposal) == ["Forme"]  # hosting was not wished: no fit at all
    assert "propose : formation des utilisateurs" in proposal.matches[0].reasons


def test_funding_to_seek_asks_for_the_financement_prestation():
    funds = provider(
        1, "Finance", remote=True, offerings={"financement": "Recherche de financement"}
    )
    assert titles(rank(in_rennes(means=Means.FUNDING), [funds], ALTERNATIVES)) == ["Finance"]
    assert titles(rank(in_rennes(means=Means.SMALL), [funds], ALTERNATIVES)) == []


def test_adapted_prices_count_only_with_no_or_a_small_budget():
    cheap = provider(
        1,
        "Tarifs adaptés",
        remote=True,
        tool_ids={7},
        prices_adapted=True,
        last_reviewed=datetime.date(2020, 1, 1),
    )
    other = provider(2, "Tarifs standard", remote=True, tool_ids={7})
    assert titles(rank(in_rennes(means=Means.NONE), [other, cheap], ALTERNATIVES))[0] == (
        "Tarifs adaptés"
    )
    funded = rank(in_rennes(means=Means.FUNDING), [other, cheap], ALTERNATIVES)
    assert titles(funded)[0] == "Tarifs standard"  # equal scores: the most recent review wins
    assert "tarifs adaptés aux associations" not in funded.matches[1].reasons


def test_providers_accepting_new_associations_come_before_full_ones():
    full = provider(1, "Complet", department_ids=frozenset({35}), tool_ids={7, 8}, accepting=False)
    open_ = provider(2, "Ouvert", remote=True, tool_ids={7})
    proposal = rank(in_rennes(), [full, open_], ALTERNATIVES)
    assert titles(proposal) == ["Ouvert", "Complet"]
    assert proposal.matches[1].accepting is False


def test_ties_go_to_the_most_recently_reviewed_then_the_title():
    candidates = [
        provider(1, "Bêta", remote=True, tool_ids={7}, last_reviewed=DAY),
        provider(2, "Alpha", remote=True, tool_ids={7}, last_reviewed=DAY),
        provider(3, "Zêta", remote=True, tool_ids={7}, last_reviewed=DAY + datetime.timedelta(1)),
    ]
    assert titles(rank(in_rennes(), candidates, ALTERNATIVES)) == ["Zêta", "Alpha", "Bêta"]


def test_at_most_five_matches():
    candidates = [provider(n, f"P{n}", remote=True, tool_ids={7}) for n in range(8)]
    assert len(rank(in_rennes(), candidates, ALTERNATIVES).matches) == 5


def test_nothing_found_offers_the_closest_remote_providers():
    remote = provider(1, "A distance", remote=True)
    local = provider(2, "Sur place", department_ids=frozenset({35}))
    proposal = rank(in_rennes(wishes=(Wish.HOSTED,)), [local, remote], ALTERNATIVES)
    assert proposal.nothing_found
    assert [match.provider.title for match in proposal.fallback] == ["A distance"]


def test_the_directory_link_keeps_the_area_and_the_first_wish():
    answers = in_rennes(wishes=(Wish.HOSTED, Wish.TRAINED))
    assert directory_query(answers) == "?departement=35&prestation=hebergement"
    assert directory_query(Answers(services=(GMAIL,))) == "?distance=1"


@pytest.mark.django_db
def test_candidates_are_live_providers_of_the_area_or_remote(home_page):
    gmail = ProprietaryServiceFactory(live=True)
    roundcube = FreeAlternativeFactory(live=True, replaces=[gmail])
    index = DirectoryIndexPageFactory(parent=home_page)
    ProviderPageFactory(parent=index, title="Rennes", departments=["35"], tools=[roundcube])
    ProviderPageFactory(parent=index, title="Brest", departments=["29"], offerings=["hebergement"])
    ProviderPageFactory(parent=index, title="Lyon", departments=["69"], tools=[roundcube])
    ProviderPageFactory(
        parent=index, title="Partout", remote=True, accepting_new_associations=False
    )
    ProviderPageFactory(parent=index, title="Brouillon", departments=["35"], live=False)
    department = Department.objects.select_related("region").get(code="35")
    answers = Answers(
        services=(gmail,),
        department=department,
        region=department.region,
        remote_only=False,
        wishes=(Wish.HOSTED,),
    )
    facts = {f.title: f for f in load_candidates(answers, load_alternatives([gmail.pk]))}
    assert set(facts) == {"Rennes", "Brest", "Partout"}
    assert facts["Rennes"].tool_ids == {roundcube.pk}
    assert set(facts["Brest"].offerings) == {"hebergement"}
    assert facts["Partout"].accepting is False
    assert [m.provider.title for m in match_providers(answers)] == ["Rennes", "Brest"]
