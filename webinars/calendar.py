"""Webinars as iCalendar data: the "add to my calendar" file, the feed, the e-mail attachment."""

from datetime import timedelta

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

CALENDAR_NAME = "Webinaires Emancip'Asso"


def event_uid(webinar):
    """Stable across edits, moves and renames: the page's translation key never changes."""
    return f"webinaire-{webinar.translation_key}@emancipasso"


def webinar_event(webinar, *, request=None, with_join_url=False):
    page_url = webinar.get_full_url(request)
    join_url = webinar.join_url if (with_join_url or webinar.show_join_url) else ""
    description = [webinar.introduction, _("Présentation et inscription : %s") % page_url]
    if join_url:
        description.append(_("Pour rejoindre le webinaire : %s") % join_url)
    event = Event()
    event.add("uid", event_uid(webinar))
    event.add("summary", webinar.title)
    event.add("dtstart", webinar.start_in_paris)
    event.add("dtend", webinar.end_in_paris)
    event.add("dtstamp", webinar.last_published_at or timezone.now())
    event.add("url", page_url)
    event.add("description", "\n\n".join(part for part in description if part))
    event.add("location", join_url or webinar.get_platform_display())
    return event


def webinars_calendar(webinars, *, request=None, with_join_url=False):
    """An iCalendar document (bytes) with one event per webinar and their time zone."""
    calendar = Calendar()
    calendar.add("prodid", "-//Emancip'Asso//Webinaires//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    starts = []
    for webinar in webinars:
        calendar.add_component(webinar_event(webinar, request=request, with_join_url=with_join_url))
        starts.append(webinar.start_in_paris.date())
    if starts:
        # Only the years the events need, so the VTIMEZONE stays short.
        calendar.add_missing_timezones(
            first_date=min(starts) - timedelta(days=366),
            last_date=max(starts) + timedelta(days=366),
        )
    return calendar.to_ical()


def calendar_response(content, filename, *, as_attachment=True):
    """Serve iCalendar bytes; nothing here touches the session or CSRF, so no cookie is set."""
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if as_attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
