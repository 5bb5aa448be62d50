from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from tests.factories.webinars import RegistrationFactory, WebinarPageFactory
from webinars.state import Schedule, WebinarState, webinar_state

START = datetime(2026, 3, 12, 17, 0, tzinfo=UTC)  # 18h00 in Paris
END = START + timedelta(hours=1)


def state(now, **schedule):
    schedule.setdefault("start", START)
    schedule.setdefault("end", END)
    confirmed = schedule.pop("confirmed", 0)
    return webinar_state(Schedule(**schedule), now=now, confirmed_count=confirmed)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (START - timedelta(days=3), WebinarState.REGISTRATION_OPEN),
        (START - timedelta(seconds=1), WebinarState.REGISTRATION_OPEN),
        (START, WebinarState.LIVE),
        (END - timedelta(seconds=1), WebinarState.LIVE),
        (END, WebinarState.REPLAY_PENDING),
        (END + timedelta(days=30), WebinarState.REPLAY_PENDING),
    ],
)
def test_state_around_start_and_end(now, expected):
    assert state(now) == expected


def test_a_replay_changes_the_past_state_only():
    assert state(END, has_replay=True) == WebinarState.REPLAY_AVAILABLE
    assert state(START - timedelta(hours=1), has_replay=True) == WebinarState.REGISTRATION_OPEN


def test_deadline_closes_registrations_from_its_first_second():
    deadline = START - timedelta(days=1)
    assert state(deadline - timedelta(seconds=1), registration_deadline=deadline) == (
        WebinarState.REGISTRATION_OPEN
    )
    assert state(deadline, registration_deadline=deadline) == WebinarState.REGISTRATION_CLOSED
    assert state(START, registration_deadline=deadline) == WebinarState.LIVE


def test_capacity_makes_it_full_only_when_every_place_is_taken():
    before = START - timedelta(days=1)
    assert state(before, capacity=3, confirmed=2) == WebinarState.REGISTRATION_OPEN
    assert state(before, capacity=3, confirmed=3) == WebinarState.FULL
    assert state(START, capacity=3, confirmed=3) == WebinarState.LIVE
    # A closed deadline wins over "full": nobody can join the waiting list any more.
    assert (
        state(before, capacity=3, confirmed=3, registration_deadline=before)
        == WebinarState.REGISTRATION_CLOSED
    )


def test_only_open_and_full_accept_registrations():
    accepting = {s for s in WebinarState if s.accepts_registrations}
    assert accepting == {WebinarState.REGISTRATION_OPEN, WebinarState.FULL}
    assert {s for s in WebinarState if s.is_past} == {
        WebinarState.REPLAY_AVAILABLE,
        WebinarState.REPLAY_PENDING,
    }
    assert WebinarState.FULL.label == "Complet : liste d'attente"


@pytest.mark.django_db
def test_page_shows_each_state_as_the_clock_moves(client, webinar_index):
    webinar = WebinarPageFactory(parent=webinar_index, start=START, duration=60, capacity=1)

    def badge():
        html = client.get(webinar.url).content.decode()
        return html.split('class="webinar-state')[1].split("</p>")[0].split(">")[1]

    with time_machine.travel(START - timedelta(days=2), tick=False):
        assert badge() == "Inscriptions ouvertes"
        RegistrationFactory(webinar=webinar)
        assert badge() == "Complet : liste d&#x27;attente"
    with time_machine.travel(START - timedelta(minutes=1), tick=False):
        assert badge() == "Complet : liste d&#x27;attente"
    with time_machine.travel(START, tick=False):
        assert badge() == "En direct"
    with time_machine.travel(END - timedelta(seconds=1), tick=False):
        assert badge() == "En direct"
    with time_machine.travel(END, tick=False):
        assert badge() == "Replay bientôt en ligne"
        webinar.replay_url = "https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d"
        webinar.save_revision().publish()
        assert badge() == "Replay disponible"


@pytest.mark.django_db
def test_deadline_closes_the_page_and_the_form(client, webinar_index):
    webinar = WebinarPageFactory(
        parent=webinar_index, start=START, registration_deadline=START - timedelta(days=1)
    )
    with time_machine.travel(START - timedelta(hours=23), tick=False):
        html = client.get(webinar.url).content.decode()
        assert "Les inscriptions sont closes" in html
        assert webinar.registration_url not in html
        form_page = client.get(webinar.registration_url).content.decode()
        assert '<form class="registration-form"' not in form_page
        assert "Les inscriptions à ce webinaire sont closes." in form_page
