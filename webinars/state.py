"""Where a webinar stands at a given moment: the one place that decides what the page offers."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class WebinarState(StrEnum):
    REGISTRATION_OPEN = "registration-open"
    FULL = "full"
    REGISTRATION_CLOSED = "registration-closed"
    LIVE = "live"
    REPLAY_AVAILABLE = "replay-available"
    REPLAY_PENDING = "replay-pending"

    @property
    def label(self):
        return STATE_LABELS[self]

    @property
    def accepts_registrations(self):
        """Open registers people; full puts them on the waiting list."""
        return self in (WebinarState.REGISTRATION_OPEN, WebinarState.FULL)

    @property
    def is_past(self):
        return self in (WebinarState.REPLAY_AVAILABLE, WebinarState.REPLAY_PENDING)


STATE_LABELS = {
    WebinarState.REGISTRATION_OPEN: _("Inscriptions ouvertes"),
    WebinarState.FULL: _("Complet : liste d'attente"),
    WebinarState.REGISTRATION_CLOSED: _("Inscriptions closes"),
    WebinarState.LIVE: _("En direct"),
    WebinarState.REPLAY_AVAILABLE: _("Replay disponible"),
    WebinarState.REPLAY_PENDING: _("Replay bientôt en ligne"),
}


@dataclass(frozen=True)
class Schedule:
    """What the state depends on, so it can be computed without a database."""

    start: datetime
    end: datetime
    registration_deadline: datetime | None = None
    capacity: int | None = None
    has_replay: bool = False


def webinar_state(schedule, *, now, confirmed_count=0):
    """The state at `now`: live from the first minute (inclusive) to the end (exclusive)."""
    if now >= schedule.end:
        return WebinarState.REPLAY_AVAILABLE if schedule.has_replay else WebinarState.REPLAY_PENDING
    if now >= schedule.start:
        return WebinarState.LIVE
    if schedule.registration_deadline is not None and now >= schedule.registration_deadline:
        return WebinarState.REGISTRATION_CLOSED
    if schedule.capacity is not None and confirmed_count >= schedule.capacity:
        return WebinarState.FULL
    return WebinarState.REGISTRATION_OPEN
