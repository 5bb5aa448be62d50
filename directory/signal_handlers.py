"""A view restriction added or removed changes which profiles the directory lists: their
facts are rewritten (see listing_facts); a profile deleted takes its facts with it, and the
facts get a new version; so do they when a choice the directory offers to filter on (an area,
a prestation, a tool) changes, since the index of the facts holds them (listing_index).
Connected in DirectoryConfig.ready()."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction

from catalogue.models import FreeAlternative

from .listing_facts import facts_changed, refresh_listing_facts_under
from .models import Department, Offering, ProviderPage, Region


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def refresh_facts_under_restriction(sender, instance, **kwargs):
    refresh_listing_facts_under(instance.page_id)


@receiver(post_delete, sender=ProviderPage)
def forget_deleted_provider(sender, instance, **kwargs):
    facts_changed()


@receiver(post_save, sender=FreeAlternative)
@receiver(post_delete, sender=FreeAlternative)
@receiver(post_save, sender=Offering)
@receiver(post_delete, sender=Offering)
@receiver(post_save, sender=Region)
@receiver(post_delete, sender=Region)
@receiver(post_save, sender=Department)
@receiver(post_delete, sender=Department)
def forget_changed_choices(sender, instance, **kwargs):
    facts_changed()
