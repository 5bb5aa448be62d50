"""The webinars' RSS and Atom feeds: live public sessions only, each with its date and where it
stands, links on the configured site address, never the join link; and the index offers them."""

import re
from datetime import UTC, datetime, timedelta

import feedparser
import pytest
import time_machine
from wagtail.models import PageViewRestriction, Site

from home.site_address import follow_site_url
from tests.factories.catalogue import CategoryFactory
from tests.factories.webinars import WebinarPageFactory

pytestmark = pytest.mark.django_db
SITE_URL = "https://hub.example.org"
FEEDS = ["/webinaires/rss/", "/webinaires/atom/"]
NOW = datetime(2030, 6, 1, 16, 0, tzinfo=UTC)


@pytest.fixture
def configured_site(settings, home_page):
    settings.SITE_URL = SITE_URL
    follow_site_url(Site.objects.get(is_default_site=True))


@pytest.fixture
def webinars(webinar_index):
    """One webinar at each moment, and two that must stay out of the feeds."""
    topic = CategoryFactory(name="Visioconférence")
    make = WebinarPageFactory
    upcoming = make(
        parent=webinar_index,
        title="À venir",
        slug="a-venir",
        start=datetime(2030, 6, 9, 16, 0, tzinfo=UTC),
        duration=90,
        topics=[topic],
        show_join_url=True,
        first_published_at=datetime(2030, 5, 1, 8, 0, tzinfo=UTC),
    )
    upcoming.topics.set([topic])
    make(parent=webinar_index, title="En cours", slug="en-cours", start=NOW - timedelta(minutes=10))
    make(
        parent=webinar_index,
        title="Passé",
        slug="passe",
        start=datetime(2030, 5, 1, 16, 0, tzinfo=UTC),
        replay_url="https://framatube.org/w/7b2e9a41-3c5d-4e6f-8a1b-0c9d8e7f6a25",
    )
    make(parent=webinar_index, title="Brouillon", slug="brouillon", live=False)
    private = make(parent=webinar_index, title="Réservé", slug="reserve")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )


def read_feed(client, url):
    with time_machine.travel(NOW, tick=False):
        response = client.get(url, HTTP_HOST="127.0.0.1")
    assert response.status_code == 200
    assert not response.cookies
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response.content.decode(), feed


def plain(html):
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.parametrize("url", FEEDS)
def test_a_feed_dates_each_live_webinar_and_says_where_it_stands(
    client, configured_site, webinars, url
):
    content, feed = read_feed(client, url)
    entries = {entry.title: entry for entry in feed.entries}
    assert set(entries) == {"À venir", "En cours", "Passé"}
    assert "À venir (inscriptions ouvertes)" in plain(entries["À venir"].summary)
    assert "Dimanche 9 juin 2030, 18\xa0h\xa000 – 19\xa0h\xa030 (heure de Paris)" in plain(
        entries["À venir"].summary
    )
    assert "En direct" in plain(entries["En cours"].summary)
    assert "Replay disponible" in plain(entries["Passé"].summary)
    assert "Une heure pour comprendre et poser vos questions." in entries["Passé"].summary
    assert entries["À venir"].link == f"{SITE_URL}/webinaires/a-venir/"
    assert [tag.term for tag in entries["À venir"].tags] == ["Visioconférence"]
    assert entries["À venir"].published_parsed[:4] == (2030, 5, 1, 8)
    assert feed.feed.link == f"{SITE_URL}/webinaires/"
    # The join link goes to registered people only, even when the page shows it.
    assert "visio.example.org" not in content
    assert "127.0.0.1" not in content


def test_the_first_of_the_month_reads_premier(client, configured_site, webinar_index):
    WebinarPageFactory(parent=webinar_index, start=datetime(2030, 11, 1, 17, 0, tzinfo=UTC))
    _, feed = read_feed(client, "/webinaires/rss/")
    assert "Vendredi 1er novembre 2030, 18\xa0h\xa000" in feed.entries[0].summary


def test_the_index_offers_the_feeds_beside_the_calendar(client, webinar_index):
    html = client.get("/webinaires/").content.decode()
    links = re.search(r'<p class="webinar-subscribe">(.*?)</p>', html, re.S).group(1)
    assert "S'abonner&nbsp;:" in links
    assert re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)', links) == [
        ("/webinaires/rss/", "flux RSS"),
        ("/webinaires/atom/", "flux Atom"),
        ("/webinaires/agenda.ics", "agenda"),
    ]
    for media_type, href in [
        ("application/rss+xml", "/webinaires/rss/"),
        ("application/atom+xml", "/webinaires/atom/"),
    ]:
        assert f'<link rel="alternate" type="{media_type}" title="Webinaires' in html
        assert f'href="{href}">' in html


def test_only_the_index_announces_the_webinar_feeds(client, webinar_index, home_page):
    webinar = WebinarPageFactory(parent=webinar_index)
    assert 'href="/webinaires/rss/"' in client.get(webinar_index.url).content.decode()
    for url in ("/", webinar.url):
        assert "/webinaires/rss/" not in client.get(url).content.decode()
