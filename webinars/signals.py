"""Publishing a webinar with more places promotes people from its waiting list."""

from django.dispatch import receiver
from wagtail.signals import page_published

from webinars import booking
from webinars.models import WebinarPage


@receiver(page_published, sender=WebinarPage)
def promote_waiting_people(sender, instance, **kwargs):
    if instance.uses_registration_form:
        booking.fill_after_edit(instance)
