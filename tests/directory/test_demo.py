"""The directory's demo content: enough providers to try every filter, two provider logins."""

import io

import pytest
from wagtail.models import Revision

from directory import demo as directory_demo
from directory.models import ContactRequest, ProviderApplication, ProviderPage
from home import demo as home_demo
from home import demo_loader

# The seeds describe them without the tools they use; Zoomacom's seed names its tools.
ORGANISATIONS_NAMED_IN_THE_SEEDS = ["L'Établi Numérique", "Libérons nos ordis"]


def load():
    out = io.StringIO()
    home_demo.load(out)
    demo_loader.load("catalogue")
    directory_demo.load(out)
    return out.getvalue()


@pytest.mark.django_db
def test_the_demo_directory_is_varied_and_idempotent(client, demo_site):
    """On the demo loaded once for the run (demo_site), the directory's part loaded again."""
    providers = ProviderPage.objects.live()
    assert providers.count() >= 25
    assert providers.filter(regions__isnull=False).values("regions").distinct().count() >= 8
    assert providers.values("structure_type").distinct().count() == 5
    # Real organisations appear with what the seeds say of them only: no invented tools.
    fictional = providers.exclude(title__in=ORGANISATIONS_NAMED_IN_THE_SEEDS)
    assert fictional.count() == providers.count() - len(ORGANISATIONS_NAMED_IN_THE_SEEDS)
    assert fictional.filter(tools__isnull=False).distinct().count() == fictional.count()
    assert ContactRequest.objects.count() >= 3
    assert ProviderApplication.objects.filter(status="pending").count() >= 2

    counts = (
        providers.count(),
        Revision.objects.count(),
        ContactRequest.objects.count(),
        ProviderApplication.objects.count(),
    )
    output = load()
    assert "prestataire1 / prestataire-demo" in output
    assert "prestataire2 / prestataire-demo" in output
    assert counts == (
        ProviderPage.objects.live().count(),
        Revision.objects.count(),
        ContactRequest.objects.count(),
        ProviderApplication.objects.count(),
    )

    listing = client.get("/annuaire/?region=bretagne").content.decode()
    assert "Breizh Libre" in listing
    assert client.login(username="prestataire1", password="prestataire-demo")
    dashboard = client.get("/admin/").content.decode()
    assert ">Breizh Libre</h3>" in dashboard
    assert "Modifier ma fiche" in dashboard
