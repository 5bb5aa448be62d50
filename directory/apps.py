from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Annuaire des prestataires"

    def ready(self):
        # Models and Wagtail's registry can only be imported once every app is loaded.
        from wagtail.models import AbstractPage
        from wagtail.permissions import register_permission_policy

        from home import content_changes

        from . import signal_handlers, views  # noqa: F401 - route views (home.routes), signals
        from .models import Department, Offering, Region
        from .permissions import MaintainerPagePermissionPolicy

        # Replaces Wagtail's page policy for every page type, so that a maintainer record
        # counts wherever Wagtail checks page permissions.
        register_permission_policy(AbstractPage, MaintainerPagePermissionPolicy())
        # The taxonomy names the directory's filters and every profile's places and services.
        content_changes.watch(Region, Department, Offering)
