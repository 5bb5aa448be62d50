import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from catalogue.models import CatalogueIndexPage, Category, FreeAlternative, ProprietaryService
from tests.factories import SavedOnceAfterRelations


class CategoryFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Usage {n}")
    slug = factory.Sequence(lambda n: f"usage-{n}")

    class Meta:
        model = Category


class ProprietaryServiceFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Service {n}")
    slug = factory.Sequence(lambda n: f"service-{n}")
    vendor = "GéantCorp"
    category = factory.SubFactory(CategoryFactory)
    cost = "Les données des membres partent chez l'éditeur."

    class Meta:
        model = ProprietaryService


class FreeAlternativeFactory(SavedOnceAfterRelations, DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Logiciel libre {n}")
    slug = factory.Sequence(lambda n: f"logiciel-libre-{n}")
    description = "Un logiciel libre pour cet usage."
    licence = "AGPL-3.0"
    website = factory.Sequence(lambda n: f"https://logiciel-{n}.example.org")
    category = factory.SubFactory(CategoryFactory)

    class Meta:
        model = FreeAlternative
        skip_postgeneration_save = True

    @factory.post_generation
    def replaces(self, create, services, **kwargs):
        if create and services:
            self.replaces.set(services)
            return True


class CatalogueIndexPageFactory(wagtail_factories.PageFactory):
    title = "Alternatives libres"
    slug = "alternatives"

    class Meta:
        model = CatalogueIndexPage
