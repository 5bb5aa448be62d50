from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests.factories.webinars import WebinarPageFactory
from webinars.calendar import webinars_calendar

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


def events(content):
    calendar = Calendar.from_ical(content)
    return calendar, list(calendar.walk("VEVENT"))


def test_add_to_my_calendar_file_parses_with_paris_times_url_and_description(client, webinar_index):
    start = datetime(2030, 3, 14, 17, 0, tzinfo=UTC)
    webinar = WebinarPageFactory(
        parent=webinar_index,
        title="Présentation d'Emancip'Asso",
        slug="presentation",
        introduction="Pourquoi et comment changer d'outils.",
        start=start,
        duration=90,
    )
    response = client.get("/webinaires/presentation/agenda.ics")
    assert webinar.ics_url == "/webinaires/presentation/agenda.ics"
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="presentation.ics"'

    calendar, [event] = events(response.content)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    assert str(event["SUMMARY"]) == "Présentation d'Emancip'Asso"
    assert event.decoded("DTSTART") == datetime(2030, 3, 14, 18, 0, tzinfo=PARIS)
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=90)
    assert str(event["URL"]) == "http://testserver/webinaires/presentation/"
    assert "Pourquoi et comment changer d'outils." in str(event["DESCRIPTION"])
    # The join link is for registrants, not for anyone who downloads the file.
    assert "visio.example.org" not in response.content.decode()
    assert str(event["LOCATION"]) == "BigBlueButton"


def test_uid_is_stable_across_edits_and_renames(client, webinar_index):
    webinar = WebinarPageFactory(parent=webinar_index, slug="avant")
    _, [before] = events(client.get(webinar.ics_url).content)
    webinar.title = "Nouveau titre"
    webinar.slug = "apres"
    webinar.start += timedelta(days=1)
    webinar.save_revision().publish()
    webinar.refresh_from_db()
    _, [after] = events(client.get(webinar.ics_url).content)
    assert str(before["UID"]) == str(after["UID"])
    assert str(after["UID"]).endswith("@emancipasso")
    assert str(after["URL"]).endswith("/webinaires/apres/")


def test_feed_lists_upcoming_webinars_only_in_order(client, webinar_index):
    now = datetime.now(UTC)
    later = WebinarPageFactory(
        parent=webinar_index, title="Plus tard", start=now + timedelta(days=9)
    )
    soon = WebinarPageFactory(parent=webinar_index, title="Bientôt", start=now + timedelta(days=2))
    live = WebinarPageFactory(
        parent=webinar_index, title="En cours", start=now - timedelta(minutes=10)
    )
    WebinarPageFactory(parent=webinar_index, title="Passé", start=now - timedelta(days=3))
    draft = WebinarPageFactory(
        parent=webinar_index, title="Brouillon", start=now + timedelta(days=1)
    )
    draft.unpublish()

    response = client.get("/webinaires/agenda.ics")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("inline;")
    calendar, found = events(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "Webinaires Emancip'Asso"
    assert [str(event["SUMMARY"]) for event in found] == ["En cours", "Bientôt", "Plus tard"]
    assert len({str(event["UID"]) for event in found}) == 3
    assert {str(event["URL"]) for event in found} == {
        page.get_full_url() for page in (live, soon, later)
    }


def test_empty_feed_is_still_a_valid_calendar(client, webinar_index):
    calendar, found = events(client.get("/webinaires/agenda.ics").content)
    assert found == []
    assert str(calendar["VERSION"]) == "2.0"


def test_registrant_attachment_carries_the_join_link(webinar_index):
    webinar = WebinarPageFactory(parent=webinar_index)
    _, [event] = events(webinars_calendar([webinar], with_join_url=True))
    assert str(event["LOCATION"]) == "https://visio.example.org/b/emancipasso"
    assert "https://visio.example.org/b/emancipasso" in str(event["DESCRIPTION"])
