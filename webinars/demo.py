"""Demo webinars (demo/webinars.json): two to come (one almost full), four past ones (three
with a replay).

Dates are relative to today (`start_in_days`), at fixed hours in Paris, so the demo stays
current while a second run on the same day changes nothing.
"""

from django.utils import timezone

from home import demo_loader
from webinars.models import Registration, RegistrationStatus, WebinarPage


def load(stdout):
    data = demo_loader.load("webinars")
    webinars = [page for page in data["pages"] if page["type"] == "webinars.WebinarPage"]
    for slug, count in data["registrations"].items():
        ensure_registrations(WebinarPage.objects.get(slug=slug), count)
    linked = sum(1 for e in webinars for speaker in e["speakers"] if speaker["provider"])
    stdout.write(
        f"Webinaires : {len(webinars)} sur /webinaires/, {linked} intervenants liés à l'annuaire."
    )


def ensure_registrations(webinar, count):
    """Demo people, already confirmed, without e-mails: the addresses belong to example.org."""
    for number in range(1, count + 1):
        Registration.objects.get_or_create(
            webinar=webinar,
            email=f"participant{number:02d}@example.org",
            defaults={
                "name": f"Participant·e {number}",
                "organisation": "Association de démonstration",
                "consent": True,
                "status": RegistrationStatus.CONFIRMED,
                "confirmed_at": timezone.now(),
            },
        )
