from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone

from webinars.models import Registration, RegistrationStatus, WebinarIndexPage, WebinarPage


class WebinarIndexPageFactory(wagtail_factories.PageFactory):
    title = "Webinaires"
    slug = "webinaires"
    introduction = "Des rendez-vous en ligne pour avancer ensemble."

    class Meta:
        model = WebinarIndexPage


class WebinarPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Webinaire {n}")
    slug = factory.Sequence(lambda n: f"webinaire-{n}")
    introduction = "Une heure pour comprendre et poser vos questions."
    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    duration = 60
    join_url = "https://visio.example.org/b/emancipasso"

    class Meta:
        model = WebinarPage


class RegistrationFactory(factory.django.DjangoModelFactory):
    webinar = factory.SubFactory(WebinarPageFactory)
    name = factory.Sequence(lambda n: f"Personne {n}")
    email = factory.Sequence(lambda n: f"personne{n}@example.org")
    organisation = "Association du quartier"
    consent = True
    status = RegistrationStatus.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Registration
