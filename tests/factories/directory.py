import factory
import wagtail_factories

from directory.models import (
    ContactRequest,
    Department,
    DirectoryIndexPage,
    Offering,
    ProviderApplication,
    ProviderPage,
    Region,
    StructureType,
)
from tests.factories import SavedOnceAfterRelations
from tests.factories.catalogue import FreeAlternativeFactory


class DirectoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Annuaire des prestataires"
    slug = "annuaire"
    introduction = "Des structures qui accompagnent les associations vers le libre."

    class Meta:
        model = DirectoryIndexPage


class ToolFactory(FreeAlternativeFactory):
    """A catalogue entry a provider can host: the catalogue's own factory, found by its slug."""

    class Meta:
        django_get_or_create = ("slug",)


def _set_relations(page, create, extracted, relation, values):
    if create and extracted is not None:
        getattr(page, relation).set(values(extracted))
        return True


class ProviderPageFactory(SavedOnceAfterRelations, wagtail_factories.PageFactory):
    """A live provider; pass offerings/tools by slug, regions by slug, departments by code."""

    title = factory.Sequence(lambda n: f"Structure {n:03d}")
    slug = factory.Sequence(lambda n: f"structure-{n:03d}")
    introduction = "Nous accompagnons les associations dans leur passage au libre."
    structure_type = StructureType.ASSOCIATION
    contact_email = factory.Sequence(lambda n: f"contact{n}@structure.example.org")
    city = "Lyon"

    class Meta:
        model = ProviderPage
        skip_postgeneration_save = True

    @factory.post_generation
    def offerings(self, create, extracted, **kwargs):
        return _set_relations(
            self, create, extracted, "offerings", lambda s: Offering.objects.filter(slug__in=s)
        )

    @factory.post_generation
    def tools(self, create, extracted, **kwargs):
        return _set_relations(self, create, extracted, "tools", lambda tools: list(tools))

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        return _set_relations(
            self, create, extracted, "regions", lambda s: Region.objects.filter(slug__in=s)
        )

    @factory.post_generation
    def departments(self, create, extracted, **kwargs):
        return _set_relations(
            self, create, extracted, "departments", lambda c: Department.objects.filter(code__in=c)
        )


class ContactRequestFactory(factory.django.DjangoModelFactory):
    provider = factory.SubFactory(ProviderPageFactory)
    association_name = factory.Sequence(lambda n: f"Association {n}")
    person_name = "Camille Martin"
    email = factory.Sequence(lambda n: f"camille{n}@asso.example.org")
    message = "Nous cherchons de l'aide pour quitter notre messagerie actuelle."
    consent = True

    class Meta:
        model = ContactRequest


class ProviderApplicationFactory(factory.django.DjangoModelFactory):
    structure_name = factory.Sequence(lambda n: f"Coopérative {n}")
    structure_type = StructureType.COOPERATIVE
    city = "Nantes"
    summary = "Une coopérative qui installe et héberge des outils libres."
    remote = True
    contact_name = "Alex Durand"
    contact_email = factory.Sequence(lambda n: f"alex{n}@cooperative.example.org")
    charter_accepted = True

    class Meta:
        model = ProviderApplication
        skip_postgeneration_save = True

    @factory.post_generation
    def offerings(self, create, extracted, **kwargs):
        if create:
            self.offerings.set(Offering.objects.filter(slug__in=extracted or ["hebergement"]))
