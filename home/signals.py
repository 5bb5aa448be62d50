"""The events that change what the cached site structure says (home/site_structure.py)."""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.site_structure import forget_site_structure

# A page published, unpublished, renamed, moved, deleted or made an alias; a view restriction
# added or lifted; a site or its settings changed.
STRUCTURE_MODELS = (Page, PageViewRestriction, Site, BaseSiteSetting)


def forget_on_change(sender, instance, **kwargs):
    if isinstance(instance, STRUCTURE_MODELS):
        forget_site_structure()


def connect():
    post_save.connect(forget_on_change, dispatch_uid="site_structure_saved")
    post_delete.connect(forget_on_change, dispatch_uid="site_structure_deleted")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(forget_site_structure, dispatch_uid=f"site_structure_{id(signal)}")
