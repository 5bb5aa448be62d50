"""On a phone the directory's filters fold behind one button (a <details>, no script), placed
before the results; from 48rem the stylesheet keeps them open beside the results."""

import re

import pytest

pytestmark = pytest.mark.django_db


def filter_panel(client, query=""):
    html = client.get(f"/annuaire/?{query}").content.decode()
    panel = re.search(r'<details class="directory-filters-toggle">.*?</details>', html, re.S)
    return html, panel.group(0)


def test_the_filters_fold_behind_one_button_before_the_results(client, directory):
    html, panel = filter_panel(client)
    summary = re.search(r"<summary[^>]*>(.*?)</summary>", panel, re.S).group(1)
    assert summary == "Filtrer les résultats"
    assert '<form class="directory-filters" method="get"' in panel
    assert 'name="q"' in panel and 'name="locales"' in panel
    # Closed by default, and the results come after it in the page.
    assert '<details class="directory-filters-toggle" open' not in html
    assert html.index("directory-filters-toggle") < html.index('id="resultats-titre"')


def test_the_button_says_how_many_filters_are_active(client, directory):
    _, panel = filter_panel(client, "region=bretagne&locales=1&q=nextcloud")
    assert 'Filtrer les résultats <span class="directory-filters-toggle__count">' in panel
    assert "(3 filtres actifs)</span></summary>" in panel
    _, panel = filter_panel(client, "chatons=1")
    assert "(1 filtre actif)</span></summary>" in panel
