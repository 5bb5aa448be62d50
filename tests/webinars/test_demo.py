import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Page, Revision

from webinars.models import Registration, WebinarPage, WebinarSpeaker
from webinars.state import WebinarState

pytestmark = pytest.mark.django_db


def load_demo():
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


def snapshot():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        Registration.objects.count(),
        WebinarSpeaker.objects.count(),
    )


def test_demo_webinars_are_idempotent_and_cover_every_case(client, demo_site):
    before = snapshot()
    output = load_demo()  # a second time: the fixture loaded it once
    assert snapshot() == before
    assert "Webinaires : 6 sur /webinaires/, 6 intervenants liés à l'annuaire." in output

    webinars = list(WebinarPage.objects.live())
    now = timezone.now()
    upcoming = [w for w in webinars if w.start > now]
    past = [w for w in webinars if w.ends_at <= now]
    assert (len(upcoming), len(past)) == (2, 4)
    assert sum(1 for w in past if w.replay_url) == 3
    assert {w.state for w in past} == {WebinarState.REPLAY_AVAILABLE, WebinarState.REPLAY_PENDING}

    nearly_full = next(w for w in upcoming if w.capacity)
    assert nearly_full.state == WebinarState.REGISTRATION_OPEN
    assert nearly_full.places_left == 2

    launch = WebinarPage.objects.get(slug="presentation-de-l-initiative-emancipasso")
    assert launch.start_in_paris.strftime("%Y-%m-%d %H:%M") == "2024-03-14 18:00"
    assert launch.speakers.count() == 3
    linked = WebinarSpeaker.objects.filter(provider__isnull=False).select_related("provider")
    assert all(speaker.provider.live for speaker in linked)
    assert {speaker.organisation for speaker in linked} == {
        speaker.provider.title for speaker in linked
    }
    launch_html = client.get(launch.url).content.decode()
    assert "Coopérative des Communs Numériques dans l'annuaire</a>" in launch_html

    index_html = client.get("/webinaires/").content.decode()
    assert index_html.index("Des réunions en visio sans Zoom") < index_html.index(
        "Présentation de l&#x27;initiative Emancip&#x27;Asso"
    )
    assert "Il reste 2 places." in client.get(nearly_full.url).content.decode()
    assert "Inscriptions ouvertes · 2 places restantes" in index_html
    feed = Calendar.from_ical(client.get("/webinaires/agenda.ics").content)
    assert len(list(feed.walk("VEVENT"))) == 2
