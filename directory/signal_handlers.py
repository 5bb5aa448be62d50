"""A view restriction added or removed changes which profiles the directory lists: their
facts are rewritten (see listing_facts); a profile deleted takes its facts with it, and the
facts get a new version. Connected in DirectoryConfig.ready()."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction

from .listing_facts import facts_changed, refresh_listing_facts_under
from .models import ProviderPage


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def refresh_facts_under_restriction(sender, instance, **kwargs):
    refresh_listing_facts_under(instance.page_id)


@receiver(post_delete, sender=ProviderPage)
def forget_deleted_provider(sender, instance, **kwargs):
    facts_changed()
