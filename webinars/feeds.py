"""The webinars as RSS 2.0 and Atom feeds, beside the .ics calendar: a new session or a new
replay reaches feed readers. Each item says when the session takes place and where it stands
(à venir, en direct, replay disponible).

Links are absolute on the configured site address (SITE_URL); the join link never appears.
"""

from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.feeds import IndexPageFeed
from webinars.state import WebinarState

FEED_LENGTH = 50

# The three moments a reader cares about; the page's own label adds the detail.
PHASES = {
    WebinarState.LIVE: gettext_lazy("En direct"),
    WebinarState.REPLAY_AVAILABLE: gettext_lazy("Replay disponible"),
    WebinarState.REPLAY_PENDING: gettext_lazy("Passé, replay bientôt en ligne"),
}


def state_phrase(state):
    """« À venir (inscriptions ouvertes) », « En direct », « Replay disponible »…"""
    if state in PHASES:
        return str(PHASES[state])
    return _("À venir (%(detail)s)") % {"detail": str(state.label).lower()}


def day_phrase(moment):
    """« Mardi 3 décembre 2026 », « Dimanche 1er novembre 2026 »."""
    day = "1er" if moment.day == 1 else str(moment.day)
    return f"{date_format(moment, 'l').capitalize()} {day} {date_format(moment, 'F Y')}"


def when_phrase(webinar):
    """« Mardi 3 décembre 2026, 18 h 00 – 19 h 00 (heure de Paris) »."""
    start, end = webinar.start_in_paris, webinar.end_in_paris
    return _("%(day)s, %(start)s – %(end)s (heure de Paris)") % {
        "day": day_phrase(start),
        "start": date_format(start, "H\u00a0\\h\u00a0i"),
        "end": date_format(end, "H\u00a0\\h\u00a0i"),
    }


class WebinarsRssFeed(IndexPageFeed):
    """The live public webinars of the index, most recently announced first."""

    empty_description = gettext_lazy("Les webinaires à venir et leurs replays.")

    def get_object(self, request, index):
        self.now = timezone.now()
        return super().get_object(request, index)

    def items(self, index):
        return index.webinars().order_by("-first_published_at", "-start")[:FEED_LENGTH]

    def item_title(self, webinar):
        return webinar.title

    def item_link(self, webinar):
        return webinar.get_full_url(self.request)

    def item_guid(self, webinar):
        return webinar.get_full_url(self.request)

    def item_description(self, webinar):
        """The date and state first, then the introduction, as two paragraphs."""
        when = format_html(
            "<p>{} · {}</p>", when_phrase(webinar), state_phrase(webinar.state_at(self.now))
        )
        if not webinar.introduction:
            return when
        return when + format_html("<p>{}</p>", webinar.introduction)

    def item_pubdate(self, webinar):
        return webinar.first_published_at

    def item_updateddate(self, webinar):
        return webinar.last_published_at

    def item_categories(self, webinar):
        return [topic.name for topic in webinar.topics.all()]


class WebinarsAtomFeed(WebinarsRssFeed):
    feed_type = Atom1Feed
    subtitle = WebinarsRssFeed.description
    route_name = "atom_feed"
