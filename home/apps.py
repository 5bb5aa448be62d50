from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site"

    def ready(self):
        from .signals import connect as forget_site_structure_on_changes
        from .site_address import sync_default_site

        forget_site_structure_on_changes()

        # Once per migrate, after every app's tables exist (Wagtail creates the first site).
        post_migrate.connect(sync_default_site, sender=self)
