"""Feeds: what every feed of an index page shares, and their autodiscovery (the apps that
publish feeds name them, every page's <head> links them).

Home imports none of those apps: each one registers a function under FEED_LINKS_HOOK, called
with the page being shown (None outside pages) and the request, which returns the FeedLinks
that page should announce.
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail import hooks

from home.models import SiteSettings

FEED_LINKS_HOOK = "feed_links"
RSS = "application/rss+xml"
ATOM = "application/atom+xml"


@dataclass(frozen=True)
class FeedLink:
    title: str
    url: str
    media_type: str


def feed_links(page, request):
    """Every feed the apps announce for this page, in the order the apps registered them."""
    links = []
    for contribute in hooks.get_hooks(FEED_LINKS_HOOK):
        links.extend(contribute(page, request))
    return links


class IndexPageFeed(Feed):
    """An RSS feed of an index page, served by one of its routes (`route_name`); links are
    absolute on the configured site address, not on the request's host name. Subclasses give
    `empty_description` and the items; an Atom subclass sets `feed_type` and `route_name`."""

    feed_type = Rss201rev2Feed
    route_name = "rss_feed"
    language = "fr"
    empty_description = ""

    def get_object(self, request, index):
        self.request = request
        self.organisation = SiteSettings.for_request(request).organisation_name
        return index

    def title(self, index):
        return _("%(index)s · %(organisation)s") % {
            "index": index.title,
            "organisation": self.organisation,
        }

    def link(self, index):
        return index.get_full_url(self.request)

    def feed_url(self, index):
        return self.link(index) + index.reverse_subpage(self.route_name)

    def description(self, index):
        return index.introduction or self.empty_description
