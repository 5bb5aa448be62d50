import datetime

import factory
import wagtail_factories

from guides.models import (
    AssociationKind,
    Audience,
    CostRange,
    GuideIndexPage,
    GuideKind,
    GuidePage,
    SwitchDuration,
)


def paragraph_body(words=50):
    return [{"type": "paragraph", "value": "<p>" + " ".join(["mot"] * words) + "</p>"}]


class GuideIndexPageFactory(wagtail_factories.PageFactory):
    title = "Guides"
    slug = "guides"

    class Meta:
        model = GuideIndexPage


class GuidePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Guide {n}")
    slug = factory.Sequence(lambda n: f"guide-{n}")
    introduction = "Un guide pour changer d'outils."
    kind = GuideKind.PRACTICAL
    audience = Audience.ALL
    authors = "L'équipe éditoriale"
    last_reviewed = datetime.date(2026, 10, 1)
    body = factory.LazyFunction(paragraph_body)

    class Meta:
        model = GuidePage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, topics, **kwargs):
        if create and topics:
            self.topics.set(topics)
            self.save()

    @factory.post_generation
    def services(self, create, services, **kwargs):
        if create and services:
            self.services.set(services)
            self.save()

    @factory.post_generation
    def tools_before(self, create, services, **kwargs):
        if create and services:
            self.tools_before.set(services)
            self.save()

    @factory.post_generation
    def tools_after(self, create, alternatives, **kwargs):
        if create and alternatives:
            self.tools_after.set(alternatives)
            self.save()


class GuideTestimonyFactory(GuidePageFactory):
    """A testimony with its facts filled in, as the editor must; tools are given by the test."""

    title = factory.Sequence(lambda n: f"Témoignage {n}")
    kind = GuideKind.TESTIMONY
    association_kind = AssociationKind.SPORT
    association_size = Audience.SMALL
    switch_duration = SwitchDuration.UP_TO_1_YEAR
    cost_range = CostRange.FREE
