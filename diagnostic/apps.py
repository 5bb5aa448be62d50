from django.apps import AppConfig


class DiagnosticConfig(AppConfig):
    name = "diagnostic"
    verbose_name = "Diagnostic « Passer au libre »"

    def ready(self):
        from diagnostic import views  # noqa: F401 - fills the page's route views (home.routes)
