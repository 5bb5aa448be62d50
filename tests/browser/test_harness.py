"""The gates can fail: a deliberately bad page, served in place of a site URL, trips each one."""

from tests.browser.discovery import SitePage
from tests.browser.htmlcheck import html_problems
from tests.browser.inspection import inspect_page, open_context
from tests.browser.test_accessibility import heading_problems

BAD_PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Mauvaise page</title>
<style>.pale { color: #ccc; background: #fff; } a:focus { outline: none; }</style></head>
<body><a href="/ailleurs/">Premier lien</a>
<h1>Titre</h1><h3>Niveau sauté</h3><h1>Second titre principal</h1>
<form method="get"><input name="q"></form>
<p class="pale">Texte peu contrasté</p>
<img src="http://traceur.invalid/pixel.gif" alt="">
<iframe src="/" title="Cadre"></iframe>
<script>document.cookie = "suivi=1; path=/";</script>
<div id="double"></div><div id="double"></span></div>
</body></html>"""


def test_a_bad_page_trips_every_gate(browser, demo_site):
    foreign = []
    context = open_context(browser, demo_site.url, foreign=foreign)
    context.route(
        "**/mauvaise-page/",
        lambda route: route.fulfill(body=BAD_PAGE, content_type="text/html; charset=utf-8"),
    )
    bad_page = SitePage("mauvaise page", "/mauvaise-page/")
    try:
        report = inspect_page(context.new_page(), bad_page, foreign)
    finally:
        context.close()

    assert foreign == ["http://traceur.invalid/pixel.gif"]
    assert [cookie["name"] for cookie in report.cookies] == ["suivi"]
    assert report.iframes == 1
    assert heading_problems(report.headings) == ["2 titres h1", "h3 « Niveau sauté » après h1"]
    assert report.first_tab_stop["element"] == 'a[href=/ailleurs/] "Premier lien"'
    assert not report.first_tab_stop["isSkipLink"]
    assert not report.after_skip_link["isMain"]
    assert 'a[href=/ailleurs/] "Premier lien"' in report.invisible_focus
    assert report.unlabelled_controls == ["input[name=q]"]
    assert {"color-contrast", "label"} <= {violation["id"] for violation in report.axe_violations}
    problems = html_problems(report.html)
    assert "id « double » utilisé 2 fois" in problems
    assert any("unexpected-end-tag {'name': 'span'}" in problem for problem in problems)


BAD_LAYOUT = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Mise en page</title>
<style>body { margin: 0; } header { width: 50%; } .large { width: 2000px; }
.dessus { position: absolute; top: 200px; left: 10px; }</style></head>
<body><header>En-tête étroit</header>
<main><p class="dessus">Un texte</p><p class="dessus">recouvert</p>
<div class="large">Large</div></main>
<footer>Pied</footer></body></html>"""


def test_a_bad_layout_trips_the_layout_gates(browser, demo_site):
    context = open_context(browser, demo_site.url)
    context.route(
        "**/mauvaise-mise-en-page/",
        lambda route: route.fulfill(body=BAD_LAYOUT, content_type="text/html; charset=utf-8"),
    )
    bad_layout = SitePage("mise en page", "/mauvaise-mise-en-page/")
    try:
        report = inspect_page(context.new_page(), bad_layout, [])
    finally:
        context.close()

    layout = report.layouts["mobile"]
    assert layout.landmarks_not_spanning() == ["<header> de 0 à 195 px sur 390"]
    assert layout.scroll_width == 2000
    assert layout.overlaps == ["« Un texte » (p.dessus) et « recouvert » (p.dessus)"]
    # A layout that fails a gate is pictured, for whoever reads the failure.
    assert len(layout.problems()) == 3
    assert layout.screenshot is not None and layout.screenshot.is_file()
