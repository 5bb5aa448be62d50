from .pages import Platform, WebinarIndexPage, WebinarPage, WebinarSpeaker
from .registrations import (
    CONFIRMATION_HOURS,
    CONFIRMATION_WINDOW,
    Registration,
    RegistrationStatus,
    ReminderKind,
    SentReminder,
)

__all__ = [
    "CONFIRMATION_HOURS",
    "CONFIRMATION_WINDOW",
    "Platform",
    "Registration",
    "RegistrationStatus",
    "ReminderKind",
    "SentReminder",
    "WebinarIndexPage",
    "WebinarPage",
    "WebinarSpeaker",
]
