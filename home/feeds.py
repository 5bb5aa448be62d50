"""Feed autodiscovery: the apps that publish feeds name them, every page's <head> links them.

Home imports none of those apps: each one registers a function under FEED_LINKS_HOOK, called
with the page being shown (None outside pages) and the request, which returns the FeedLinks
that page should announce.
"""

from dataclasses import dataclass

from wagtail import hooks

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
