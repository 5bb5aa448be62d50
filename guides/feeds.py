"""The guides as RSS 2.0 and Atom feeds: readers follow new and reviewed guides without an
account, in the feed reader of their choice.

Every link is absolute on the configured site address (SITE_URL, which the default Wagtail
site follows): Django's syndication framework would otherwise build them from the request's
host name.
"""

from datetime import datetime, time

from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy

from guides.models import GuidePage
from home.feeds import IndexPageFeed

FEED_LENGTH = 50


def reviewed_at(guide):
    """The review date as an aware datetime (midnight, Paris), or None if never reviewed."""
    if guide.last_reviewed is None:
        return None
    return timezone.make_aware(datetime.combine(guide.last_reviewed, time.min))


class GuidesRssFeed(IndexPageFeed):
    """The live public guides of a guide index, most recently published first."""

    empty_description = gettext_lazy("Les derniers guides publiés.")

    def items(self, index):
        return (
            GuidePage.objects.child_of(index)
            .live()
            .public()
            .defer_streamfields()
            .prefetch_related("topics")
            .order_by("-first_published_at", "title")[:FEED_LENGTH]
        )

    def item_title(self, guide):
        return guide.title

    def item_link(self, guide):
        return guide.get_full_url(self.request)

    def item_guid(self, guide):
        return guide.get_full_url(self.request)

    def item_description(self, guide):
        return guide.introduction

    def item_pubdate(self, guide):
        return guide.first_published_at

    def item_updateddate(self, guide):
        return max(
            (moment for moment in (guide.first_published_at, reviewed_at(guide)) if moment),
            default=None,
        )

    def item_author_name(self, guide):
        return guide.authors or None

    def item_categories(self, guide):
        return [topic.name for topic in guide.topics.all()]


class GuidesAtomFeed(GuidesRssFeed):
    feed_type = Atom1Feed
    subtitle = GuidesRssFeed.description
    route_name = "atom_feed"
