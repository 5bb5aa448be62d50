"""The events that change what the cached site structure says (home/site_structure.py).

A page published, unpublished, renamed, moved, deleted or made an alias; a view restriction
added or lifted; a site or its settings changed; and a change to the models that higher apps
read into the cache (`watch`, from their AppConfig.ready(): the catalogue's entries, the
directory's areas), saved, deleted, published or unpublished.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from home.site_structure import forget_site_structure

_watched = [Page, PageViewRestriction, Site, BaseSiteSetting]


def watch(*models):
    """Changes to `models` replace the cached structure too."""
    _watched.extend(models)


def forget_on_change(sender, instance, **kwargs):
    if isinstance(instance, tuple(_watched)):
        forget_site_structure()


def connect():
    post_save.connect(forget_on_change, dispatch_uid="site_structure_saved")
    post_delete.connect(forget_on_change, dispatch_uid="site_structure_deleted")
    # Sent once a publication is complete, many-to-many relations included (they are written
    # after the object's own row, so after its post_save).
    published.connect(forget_on_change, dispatch_uid="site_structure_published")
    unpublished.connect(forget_on_change, dispatch_uid="site_structure_unpublished")
    page_published.connect(forget_on_change, dispatch_uid="site_structure_page_published")
    page_unpublished.connect(forget_on_change, dispatch_uid="site_structure_page_unpublished")
    post_page_move.connect(forget_on_change, dispatch_uid="site_structure_moved")
