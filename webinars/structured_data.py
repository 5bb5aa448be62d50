"""A webinar as a schema.org Event (JSON-LD): an online event whose place is its page.

The join link is sent to registered people only: it never appears here, even when the page
shows it, so that a copy of this data never leads into the meeting. The replay, once
published, is the event's recording.
"""

from home.blocks import embed_url_for
from home.structured_data import SCHEMA, publisher_for_request, without_empty_values

ONLINE = f"{SCHEMA}/OnlineEventAttendanceMode"
SCHEDULED = f"{SCHEMA}/EventScheduled"


def speaker(person):
    """A speaker, with the structure it speaks for when there is one."""
    data = {"@type": "Person", "name": person.name, "jobTitle": person.role}
    if person.organisation:
        data["affiliation"] = {"@type": "Organization", "name": person.organisation}
    return without_empty_values(data)


def replay(webinar):
    if not webinar.replay_url:
        return None
    return without_empty_values(
        {
            "@type": "VideoObject",
            "name": webinar.title,
            "description": webinar.meta_description,
            "url": webinar.replay_url,
            "embedUrl": embed_url_for(webinar.replay_url),
            "inLanguage": "fr",
        }
    )


def webinar_event(webinar, request, *, speakers=None, topics=None):
    """The event; `speakers` and `topics` default to the webinar's own."""
    speakers = webinar.speakers.all() if speakers is None else speakers
    topics = webinar.topics.all() if topics is None else topics
    url = webinar.get_full_url(request)
    return without_empty_values(
        {
            "@context": SCHEMA,
            "@type": "Event",
            "name": webinar.title,
            "description": webinar.meta_description,
            "url": url,
            "startDate": webinar.start_in_paris,
            "endDate": webinar.end_in_paris,
            "eventStatus": SCHEDULED,
            "eventAttendanceMode": ONLINE,
            "location": {"@type": "VirtualLocation", "url": url},
            "organizer": publisher_for_request(request),
            "performer": [speaker(person) for person in speakers],
            "audience": (
                {"@type": "Audience", "audienceType": webinar.audience}
                if webinar.audience
                else None
            ),
            "keywords": [topic.name for topic in topics],
            "inLanguage": "fr",
            "recordedIn": replay(webinar),
        }
    )
