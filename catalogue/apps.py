from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = "Catalogue des alternatives"

    def ready(self):
        from catalogue import views  # noqa: F401 - fills the page's route views (see home.routes)
