from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = "Catalogue des alternatives"

    def ready(self):
        from catalogue import views  # noqa: F401 - fills the page's route views (see home.routes)
        from catalogue.models import Category, FreeAlternative, ProprietaryService
        from home import content_changes

        # Entries show on the catalogue, the service pages, the guides and the directory.
        content_changes.watch(Category, ProprietaryService, FreeAlternative)
