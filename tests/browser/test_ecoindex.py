"""The EcoIndex formula itself, on figures whose grade is known."""

import pytest

from tests.browser import ecoindex


def test_an_empty_page_scores_100():
    assert ecoindex.score(0, 0, 0) == 100


def test_each_figure_sits_between_its_quantiles():
    # 383 elements, 9 requests, 49.7 KB: positions 6.42, 1.54 and 1.34 among the quantiles.
    assert ecoindex.score(383, 9, 49.7) == 80.3


def test_one_quantile_of_dom_costs_three_times_one_quantile_of_weight():
    assert ecoindex.score(358, 15, 144.7) - ecoindex.score(417, 15, 144.7) == 2.5
    assert ecoindex.score(358, 15, 144.7) - ecoindex.score(358, 15, 319.53) == pytest.approx(
        2.5 / 3, abs=0.05
    )


@pytest.mark.parametrize(
    ("value", "letter"),
    [
        (100, "A"),
        (80.1, "A"),
        (80, "B"),
        (70.5, "B"),
        (55.1, "C"),
        (40.5, "D"),
        (10.1, "F"),
        (0, "G"),
    ],
)
def test_grades_follow_the_thresholds(value, letter):
    assert ecoindex.grade(value) == letter
