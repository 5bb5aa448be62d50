"""What the guide index answers besides itself: its guides as RSS and Atom feeds.

The routes of GuideIndexPage hand the request here (see home.routes). A feed is a plain GET
that sets no cookie.
"""

from guides.feeds import GuidesAtomFeed, GuidesRssFeed
from guides.models import GuideIndexPage
from home.routes import serves


@serves(GuideIndexPage, "rss_feed")
def rss_feed(request, index):
    return GuidesRssFeed()(request, index)


@serves(GuideIndexPage, "atom_feed")
def atom_feed(request, index):
    return GuidesAtomFeed()(request, index)
