from django.apps import AppConfig


class DiagnosticConfig(AppConfig):
    name = "diagnostic"
    verbose_name = "Diagnostic « Passer au libre »"

    def ready(self):
        from diagnostic import (  # noqa: F401 - fill the page's route views (home.routes)
            support_views,
            views,
        )
