from django.apps import AppConfig


class DiagnosticConfig(AppConfig):
    name = "diagnostic"
    verbose_name = "Diagnostic « Passer au libre »"

    def ready(self):
        from catalogue.models import Category, FreeAlternative, ProprietaryService
        from diagnostic import (  # noqa: F401 - fill the page's route views (home.routes)
            support_views,
            views,
        )
        from directory.models import Department, Region
        from home.signals import watch

        # What the diagnostic reads from the cached site structure (forms, result).
        watch(Category, ProprietaryService, FreeAlternative, Department, Region)
