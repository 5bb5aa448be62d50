"""Directory migrations keep what providers wrote: prestations renamed in place, logo texts moved.

Each test migrates the real test database back, writes through the old schema, then forward.
"""

import pytest
from wagtail.images.models import Image
from wagtail_factories import ImageFactory

from directory.models import ProviderApplication, ProviderPage
from tests.factories.directory import ProviderApplicationFactory, ProviderPageFactory

LATEST = [("directory", "0008_application_facts_and_charter_page")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_competencies_become_offerings_with_every_link_kept(directory, migrate_back_then_forward):
    migrate = migrate_back_then_forward
    provider = ProviderPageFactory(parent=directory, offerings=["diagnostic", "hebergement"])
    application = ProviderApplicationFactory(offerings=["formation-referents"])

    old = migrate([("directory", "0004_provider_maintainers")])
    old_provider = old.get_model("directory", "ProviderPage").objects.get(pk=provider.pk)
    assert sorted(old_provider.services.values_list("slug", flat=True)) == [
        "diagnostic",
        "hebergement",
    ]
    mediation = old.get_model("directory", "Competency").objects.get(slug="mediation")
    old_provider.services.through.objects.create(providerpage=old_provider, competency=mediation)

    migrate(LATEST)
    provider = ProviderPage.objects.get(pk=provider.pk)
    assert sorted(provider.offerings.values_list("slug", flat=True)) == [
        "diagnostic",
        "hebergement",
        "mediation",
    ]
    application = ProviderApplication.objects.get(pk=application.pk)
    assert list(application.offerings.values_list("slug", flat=True)) == ["formation-referents"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_logo_text_becomes_the_description_of_an_undescribed_logo(
    directory, migrate_back_then_forward
):
    migrate = migrate_back_then_forward
    bare = ImageFactory(title="Logo nu", description="")
    described = ImageFactory(title="Logo décrit", description="Un chat vert")
    first = ProviderPageFactory(parent=directory, logo=described)
    second = ProviderPageFactory(parent=directory, logo=described)
    ProviderPage.objects.filter(pk=first.pk).update(logo=bare)  # as before the validation

    old = migrate([("directory", "0006_support_requests")])
    pages = old.get_model("directory", "ProviderPage").objects
    pages.filter(pk=first.pk).update(logo_alt="  Une coccinelle rouge sur un nuage  ")
    pages.filter(pk=second.pk).update(logo_alt="Un autre texte")

    migrate(LATEST)
    assert Image.objects.get(pk=bare.pk).description == "Une coccinelle rouge sur un nuage"
    assert Image.objects.get(pk=described.pk).description == "Un chat vert"  # kept as it was
