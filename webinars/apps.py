from django.apps import AppConfig


class WebinarsConfig(AppConfig):
    name = "webinars"
    verbose_name = "Webinaires"

    def ready(self):
        from home import content_changes
        from webinars import (
            signals,  # noqa: F401 - connects the receivers
            views,  # noqa: F401 - fills the pages' route views (see home.routes)
        )
        from webinars.models import Registration

        # A confirmed or cancelled registration changes the places left a webinar page shows.
        content_changes.watch(Registration)
