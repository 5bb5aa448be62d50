from .pages import Platform, WebinarIndexPage, WebinarPage, WebinarSpeaker
from .registrations import Registration, RegistrationStatus, ReminderKind, SentReminder

__all__ = [
    "Platform",
    "Registration",
    "RegistrationStatus",
    "ReminderKind",
    "SentReminder",
    "WebinarIndexPage",
    "WebinarPage",
    "WebinarSpeaker",
]
