"""The guides' RSS and Atom feeds: live public guides only, every link on the configured
site address, and every page announcing them."""

from datetime import UTC, datetime

import feedparser
import pytest
from wagtail.models import PageViewRestriction, Site

from home.site_address import follow_site_url
from tests.factories.catalogue import CategoryFactory
from tests.factories.guides import GuidePageFactory

pytestmark = pytest.mark.django_db
SITE_URL = "https://hub.example.org"
FEEDS = ["/guides/rss/", "/guides/atom/"]


@pytest.fixture
def configured_site(settings, home_page):
    """SITE_URL differs from the host the request names: links must follow the setting."""
    settings.SITE_URL = SITE_URL
    follow_site_url(Site.objects.get(is_default_site=True))


@pytest.fixture
def guides(guide_index):
    topic = CategoryFactory(name="Visioconférence")
    published = GuidePageFactory(
        parent=guide_index,
        title="Une visio sans Zoom",
        slug="visio",
        introduction="Jitsi Meet pour les réunions courantes.",
        authors="Camille Martin, L'équipe de Framasoft",
        topics=[topic],
        first_published_at=datetime(2026, 3, 2, 9, 30, tzinfo=UTC),
    )
    draft = GuidePageFactory(parent=guide_index, title="Brouillon", slug="brouillon", live=False)
    private = GuidePageFactory(parent=guide_index, title="Réservé", slug="reserve")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    return published, draft, private


def read_feed(client, url):
    response = client.get(url, HTTP_HOST="127.0.0.1")
    assert response.status_code == 200
    assert not response.cookies
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


@pytest.mark.parametrize("url", FEEDS)
def test_a_feed_lists_the_live_public_guides_with_their_facts(client, configured_site, guides, url):
    response, feed = read_feed(client, url)
    assert [entry.title for entry in feed.entries] == ["Une visio sans Zoom"]
    [entry] = feed.entries
    assert entry.link == f"{SITE_URL}/guides/visio/"
    assert feed.feed.link == f"{SITE_URL}/guides/"
    assert entry.summary == "Jitsi Meet pour les réunions courantes."
    assert entry.author == "Camille Martin, L'équipe de Framasoft"
    assert [tag.term for tag in entry.tags] == ["Visioconférence"]
    assert entry.published_parsed[:5] == (2026, 3, 2, 9, 30)
    assert feed.feed.title == "Guides · Emancip'Asso"
    assert "127.0.0.1" not in response.content.decode()


def test_the_rss_feed_is_rss_and_the_atom_feed_atom(client, configured_site, guides):
    _, rss = read_feed(client, "/guides/rss/")
    _, atom = read_feed(client, "/guides/atom/")
    assert rss.version == "rss20"
    assert atom.version == "atom10"
    # Each feed names itself, absolute, for readers that follow it; Atom dates the last review.
    assert self_link(rss) == f"{SITE_URL}/guides/rss/"
    assert self_link(atom) == f"{SITE_URL}/guides/atom/"
    assert atom.entries[0].updated == "2026-10-01T00:00:00+02:00"


def self_link(feed):
    return next(link.href for link in feed.feed.links if link.rel == "self")


def test_a_guide_unpublished_leaves_the_feeds(client, configured_site, guides):
    published, _, _ = guides
    published.unpublish()
    for url in FEEDS:
        assert read_feed(client, url)[1].entries == []


def test_every_page_announces_the_guides_feeds(client, guides, home_page):
    for url in ("/", "/guides/", "/guides/visio/"):
        html = client.get(url).content.decode()
        assert (
            '<link rel="alternate" type="application/rss+xml" title="Guides (RSS)" '
            'href="/guides/rss/">' in html
        ), url
        assert (
            '<link rel="alternate" type="application/atom+xml" title="Guides (Atom)" '
            'href="/guides/atom/">' in html
        ), url


def test_no_feed_is_announced_while_the_guide_index_is_unpublished(client, guide_index):
    guide_index.unpublish()
    assert "application/rss+xml" not in client.get("/").content.decode()
