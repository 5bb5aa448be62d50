"""No other host, no cookie on a content page, no embed before a click."""

import re
from urllib.parse import urlsplit

import pytest

from home.demo_tools import upsert_page
from home.models import HomePage, StandardPage
from tests.browser.gates import assert_no_failures

VIDEO_URL = "https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d"
VIDEO_EMBED_URL = "https://framatube.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d"


def test_no_request_leaves_the_site(page_reports):
    assert_no_failures(
        {page.label: report.foreign_requests for page, report in page_reports.items()},
        "Aucune requête vers un autre hôte",
    )


def has_post_form(report):
    return any(form["method"] == "post" for form in report.forms)


def test_anonymous_visit_sets_no_cookie(page_reports):
    """Only a page that holds a POST form may set one cookie: the CSRF token."""
    failures = {}
    for page, report in page_reports.items():
        names = sorted(cookie["name"] for cookie in report.cookies)
        allowed = ["csrftoken"] if has_post_form(report) else []
        if names and names != allowed:
            failures[page.label] = names
    assert_no_failures(failures, "Aucun cookie après une visite anonyme")


def test_no_iframe_before_a_click(page_reports):
    assert_no_failures(
        {
            page.label: f"{report.iframes} iframe(s)" if report.iframes else ""
            for page, report in page_reports.items()
        },
        "Aucune iframe avant un clic",
    )


def test_no_script_error(page_reports):
    assert_no_failures(
        {page.label: report.script_errors for page, report in page_reports.items()},
        "Aucune erreur JavaScript",
    )


@pytest.fixture
def video_page(demo_site):
    """A page with a PeerTube video: the demo may have none, the click-to-load must be tried."""
    page = upsert_page(
        HomePage.objects.get(),
        StandardPage,
        "essai-video-navigateur",
        title="Essai de vidéo",
        body=[{"type": "video", "value": {"url": VIDEO_URL, "title": "Présentation"}}],
    )
    yield page
    page.delete()


def test_video_player_loads_only_after_a_click(new_page, foreign_requests, video_page):
    new_page.goto(video_page.url)
    assert new_page.locator("iframe").count() == 0
    button = new_page.get_by_role("button", name=re.compile("Lire la vidéo ici"))
    with new_page.expect_request(lambda request: "framatube.org" in request.url):
        button.click()
    iframe = new_page.locator("iframe")
    assert iframe.count() == 1
    assert iframe.get_attribute("src") == VIDEO_EMBED_URL
    assert {urlsplit(url).hostname for url in foreign_requests} == {"framatube.org"}
