"""The site's own look: a logo with a name, a favicon, light illustrations that say nothing."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories.diagnostic import DiagnosticPageFactory
from tests.factories.directory import DirectoryIndexPageFactory

STATIC_IMAGES = Path(settings.BASE_DIR) / "static" / "img"


def header_of(html):
    return html.split('<header class="site-header">')[1].split("</header>")[0]


@pytest.mark.django_db
def test_the_logo_links_home_with_the_name_read_aloud_and_the_mark_hidden(client, home_page):
    header = header_of(client.get("/").content.decode())
    logo = re.search(r'<a class="site-header__brand" href="/"([^>]*)>(.*?)</a>', header, re.S)
    assert logo.group(1) == ' aria-label="Emancip&#x27;Asso, accueil"'
    mark, name = logo.group(2).split("</svg>")
    assert 'aria-hidden="true" focusable="false"' in mark
    assert name == "Emancip&#x27;Asso"


@pytest.mark.django_db
def test_the_favicon_is_the_svg_mark(client, home_page):
    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in html


@pytest.mark.django_db
def test_home_illustrations_are_decorative_files_that_exist(client, home_page, catalogue_index):
    DirectoryIndexPageFactory(parent=home_page)
    DiagnosticPageFactory(parent=home_page)
    html = client.get("/").content.decode()
    images = re.findall(r"<img ([^>]*)>", html.split("</main>")[0])
    sources = [re.search(r'src="/static/([^"]+)"', image).group(1) for image in images]
    assert sources == [
        "img/illustrations/accueil.svg",
        "img/illustrations/parcours-catalogue.svg",
        "img/illustrations/parcours-directory.svg",
        "img/illustrations/parcours-diagnostic.svg",
    ]
    assert all('alt=""' in image and "width=" in image for image in images)
    assert all((STATIC_IMAGES.parent / source).is_file() for source in sources)


def test_every_svg_of_the_site_is_small_and_loads_nothing_else():
    files = list(STATIC_IMAGES.rglob("*.svg"))
    assert len(files) >= 6
    for svg in files:
        text = svg.read_text()
        assert len(text.encode()) < 4000, svg.name
        assert "<script" not in text and "style=" not in text and "<image" not in text, svg.name
        assert re.findall(r"https?://[^\"]*", text) == ["http://www.w3.org/2000/svg"], svg.name
