import io
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command

from outbox.models import OutgoingEmail
from tests.factories.webinars import RegistrationFactory, WebinarPageFactory
from webinars.models import Registration, ReminderKind, SentReminder

pytestmark = pytest.mark.django_db
START = datetime(2030, 6, 4, 16, 0, tzinfo=UTC)


def run(command, *args):
    out = io.StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def webinar(webinar_index):
    webinar = WebinarPageFactory(parent=webinar_index, title="Framaforms", start=START)
    RegistrationFactory(webinar=webinar, email="inscrite@example.org")
    RegistrationFactory(webinar=webinar, email="attente@example.org", status="waiting")
    RegistrationFactory(webinar=webinar, email="annulee@example.org", status="cancelled")
    return webinar


def reminders():
    return sorted(OutgoingEmail.objects.values_list("subject", "to"))


def test_each_reminder_goes_once_to_confirmed_people_only(webinar):
    with time_machine.travel(START - timedelta(hours=30), tick=False):
        assert run("send_webinar_reminders").strip() == "Rappels mis en file d'envoi : 0"
    with time_machine.travel(START - timedelta(hours=20), tick=False):
        assert run("send_webinar_reminders").strip().endswith(": 1")
        assert run("send_webinar_reminders").strip().endswith(": 0")
    assert reminders() == [("Demain : Framaforms", ["inscrite@example.org"])]
    day_before = OutgoingEmail.objects.get()
    assert "https://visio.example.org/b/emancipasso" in day_before.body_text
    assert "/annulation/" in day_before.body_text

    with time_machine.travel(START - timedelta(minutes=50), tick=False):
        run("send_webinar_reminders")
        run("send_webinar_reminders")
    assert reminders() == [
        ("Dans une heure : Framaforms", ["inscrite@example.org"]),
        ("Demain : Framaforms", ["inscrite@example.org"]),
    ]
    with time_machine.travel(START + timedelta(minutes=5), tick=False):
        assert run("send_webinar_reminders").strip().endswith(": 0")
    assert SentReminder.objects.count() == 2


def test_late_registrant_gets_only_the_one_hour_reminder(webinar):
    with time_machine.travel(START - timedelta(minutes=30), tick=False):
        run("send_webinar_reminders")
    assert reminders() == [("Dans une heure : Framaforms", ["inscrite@example.org"])]
    assert list(SentReminder.objects.values_list("kind", flat=True)) == [ReminderKind.HOUR_BEFORE]


def test_unpublished_webinar_sends_no_reminder(webinar):
    webinar.unpublish()
    with time_machine.travel(START - timedelta(hours=2), tick=False):
        run("send_webinar_reminders")
    assert OutgoingEmail.objects.count() == 0


def test_registrations_are_deleted_after_the_retention_time(webinar_index, settings):
    ended = WebinarPageFactory(parent=webinar_index, start=START - timedelta(days=200))
    recent = WebinarPageFactory(parent=webinar_index, start=START - timedelta(days=100))
    old_registration = RegistrationFactory(webinar=ended)
    SentReminder.objects.create(registration=old_registration, kind=ReminderKind.DAY_BEFORE)
    kept = RegistrationFactory(webinar=recent)

    with time_machine.travel(START, tick=False):
        output = run("purge_webinar_registrations")
        assert "plus de 183 jours" in output and output.strip().endswith(": 1")
        assert list(Registration.objects.all()) == [kept]
        assert SentReminder.objects.count() == 0

        settings.WEBINAR_REGISTRATION_RETENTION_DAYS = 200
        assert run("purge_webinar_registrations").strip().endswith(": 0")
        assert run("purge_webinar_registrations", "--jours", "30").strip().endswith(": 1")
    assert Registration.objects.count() == 0
