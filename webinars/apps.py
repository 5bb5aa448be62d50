from django.apps import AppConfig


class WebinarsConfig(AppConfig):
    name = "webinars"
    verbose_name = "Webinaires"

    def ready(self):
        from webinars import (
            signals,  # noqa: F401 - connects the receivers
            views,  # noqa: F401 - fills the pages' route views (see home.routes)
        )
