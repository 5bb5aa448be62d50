from django.apps import AppConfig


class GuidesConfig(AppConfig):
    name = "guides"
    verbose_name = "Guides et alternatives"

    def ready(self):
        from guides import views  # noqa: F401 - fills the pages' route views (see home.routes)
