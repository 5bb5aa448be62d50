from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site"

    def ready(self):
        from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import Page, PageViewRestriction, Site

        from . import content_changes
        from .site_address import sync_default_site

        # Once per migrate, after every app's tables exist (Wagtail creates the first site).
        post_migrate.connect(sync_default_site, sender=self)
        # What every page may show: the pages themselves (the navigation is the page tree),
        # who may see them, the sites, images and documents, the site settings (footer).
        content_changes.watch(
            Page,
            PageViewRestriction,
            Site,
            get_image_model(),
            get_document_model(),
            BaseSiteSetting,
            BaseGenericSetting,
        )
        content_changes.connect()
