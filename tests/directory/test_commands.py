"""Retention of contact requests and reminders to review stale profiles."""

import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from directory.models import ContactRequest, ReviewReminder
from tests.factories.directory import ContactRequestFactory, ProviderPageFactory

TODAY = datetime.datetime(2026, 6, 15, 10, 0, tzinfo=datetime.UTC)


def run(command, *args):
    out = io.StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def make_request_at(moment, **kwargs):
    with time_machine.travel(moment, tick=False):
        return ContactRequestFactory(**kwargs)


@pytest.mark.parametrize(
    ("args", "kept"),
    [
        ((), ["récente", "onze mois"]),
        (("--months", "6"), ["récente"]),
        (("--months", "24"), ["récente", "onze mois", "treize mois"]),
    ],
)
def test_old_contact_requests_are_deleted_after_the_retention_period(directory, args, kept):
    provider = ProviderPageFactory(parent=directory)
    make_request_at(
        TODAY - datetime.timedelta(days=3), provider=provider, association_name="récente"
    )
    make_request_at(
        TODAY - datetime.timedelta(days=335), provider=provider, association_name="onze mois"
    )
    make_request_at(
        TODAY - datetime.timedelta(days=400), provider=provider, association_name="treize mois"
    )
    with time_machine.travel(TODAY, tick=False):
        output = run("purge_contact_requests", *args)
    remaining = sorted(ContactRequest.objects.values_list("association_name", flat=True))
    assert remaining == sorted(kept)
    assert output.startswith(f"{3 - len(kept)} demande(s) de contact")


def test_stale_providers_are_reminded_once_per_review(
    directory, django_capture_on_commit_callbacks
):
    stale = ProviderPageFactory(
        parent=directory,
        title="Fiche ancienne",
        contact_email="ancienne@example.org",
        last_reviewed=datetime.date(2025, 5, 1),
    )
    ProviderPageFactory(
        parent=directory, title="Fiche récente", last_reviewed=datetime.date(2026, 1, 10)
    )
    with (
        time_machine.travel(TODAY, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        first = run("remind_stale_providers")
        second = run("remind_stale_providers")
    assert first.startswith("1 rappel(s)")
    assert second.startswith("0 rappel(s)")
    [message] = mail.outbox
    assert message.to == ["ancienne@example.org"]
    assert "1 mai 2025" in message.body
    assert f"/admin/pages/{stale.pk}/edit/" in message.body
    assert ReviewReminder.objects.get().provider.pk == stale.pk


def test_a_shorter_period_reminds_more_providers(directory):
    ProviderPageFactory(parent=directory, last_reviewed=datetime.date(2026, 1, 10))
    with time_machine.travel(TODAY, tick=False):
        assert run("remind_stale_providers", "--months", "3").startswith("1 rappel(s)")


def test_a_reviewed_profile_is_reminded_again_when_it_grows_stale_again(directory):
    provider = ProviderPageFactory(parent=directory, last_reviewed=datetime.date(2024, 1, 1))
    with time_machine.travel(datetime.datetime(2025, 3, 1, tzinfo=datetime.UTC), tick=False):
        run("remind_stale_providers")
    provider.last_reviewed = datetime.date(2025, 4, 1)
    provider.save_revision().publish()
    with time_machine.travel(datetime.datetime(2026, 6, 1, tzinfo=datetime.UTC), tick=False):
        assert run("remind_stale_providers").startswith("1 rappel(s)")
    assert ReviewReminder.objects.count() == 2
