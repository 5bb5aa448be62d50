"""The answers read from a query string, written back to one, and summed up in French."""

import pytest
from django.http import QueryDict

from diagnostic.forms import DiagnosticForm
from tests.factories.catalogue import ProprietaryServiceFactory

pytestmark = pytest.mark.django_db

QUERY = (
    "outils=gmail&outils=doodle&departement=35&taille=small&moyens=financement"
    "&souhaits=formation&souhaits=hebergement&probleme=doodle"
)


@pytest.fixture
def services():
    return [
        ProprietaryServiceFactory(name="Gmail", slug="gmail", live=True),
        ProprietaryServiceFactory(name="Doodle", slug="doodle", live=True),
        ProprietaryServiceFactory(name="Brouillon", slug="brouillon", live=False),
    ]


def test_the_query_string_gives_back_the_same_answers(services):
    answers = DiagnosticForm(QueryDict(QUERY)).answers()
    assert answers.query_string() == "?" + QUERY
    assert DiagnosticForm(QueryDict(answers.query_string()[1:])).answers() == answers


def test_the_summary_says_what_the_plan_was_made_from(services):
    summary = dict(DiagnosticForm(QueryDict(QUERY)).answers().summary())
    assert summary == {
        "Outils utilisés": "Gmail, Doodle",
        "Où": "Ille-et-Vilaine (35), Bretagne",
        "Taille": "Petite association de bénévoles",
        "Moyens": "Un financement à chercher",
        "Souhaits": "Être formés, nous et nos bénévoles, "
        "Être hébergés : que quelqu'un fasse tourner les outils pour nous",
        "L'outil qui pose le plus problème": "Doodle",
    }


def test_a_draft_service_is_not_a_choice(services):
    form = DiagnosticForm(QueryDict("outils=brouillon&outils=gmail"))
    assert [s.slug for s in form.answers().services] == ["gmail"]
    assert "« brouillon »" in form.notice


def test_no_tool_means_no_plan_and_no_shareable_query(services):
    form = DiagnosticForm(QueryDict("departement=35"))
    assert form.missing_tools and form.answers().query_string() == ""
    assert not DiagnosticForm(QueryDict()).missing_tools
