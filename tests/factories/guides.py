"""Guide pages and their StreamField blocks, built with wagtail-factories.

A body is given block by block: `GuidePageFactory(body__0__heading__text="Le constat",
body__1__paragraph__value="<p>…</p>", body__2="argument")`.
"""

import datetime

import factory
import wagtail_factories

from guides.blocks import ArgumentBlock, GuideStreamBlock
from guides.models import (
    AssociationKind,
    Audience,
    CostRange,
    GuideIndexPage,
    GuideKind,
    GuidePage,
    SwitchDuration,
)
from tests.factories import SavedOnceAfterRelations
from tests.factories.home import (
    CaptionedImageBlockFactory,
    HeadingBlockFactory,
    ParagraphBlockFactory,
    rich_text,
)


def words(count):
    """A paragraph of `count` words, for the reading time."""
    return "<p>" + " ".join(["mot"] * count) + "</p>"


class ArgumentBlockFactory(wagtail_factories.StructBlockFactory):
    title = factory.Sequence(lambda n: f"Argument {n}")
    problem = factory.LazyAttribute(
        lambda block: rich_text(f"<p>Le problème de {block.title}.</p>")
    )
    why_it_matters = factory.LazyFunction(lambda: rich_text("<p>L'association y perd.</p>"))
    ethical_answer = factory.LazyFunction(lambda: rich_text("<p>Le logiciel libre.</p>"))
    sources = factory.LazyFunction(list)

    class Meta:
        model = ArgumentBlock


class GuideStreamBlockFactory(wagtail_factories.StreamBlockFactory):
    heading = factory.SubFactory(HeadingBlockFactory)
    paragraph = factory.SubFactory(ParagraphBlockFactory)
    argument = factory.SubFactory(ArgumentBlockFactory)
    image = factory.SubFactory(CaptionedImageBlockFactory)

    class Meta:
        model = GuideStreamBlock


class GuideIndexPageFactory(wagtail_factories.PageFactory):
    title = "Guides"
    slug = "guides"

    class Meta:
        model = GuideIndexPage


class GuidePageFactory(SavedOnceAfterRelations, wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Guide {n}")
    slug = factory.Sequence(lambda n: f"guide-{n}")
    introduction = "Un guide pour changer d'outils."
    kind = GuideKind.PRACTICAL
    audience = Audience.ALL
    authors = "L'équipe éditoriale"
    last_reviewed = datetime.date(2026, 10, 1)
    body = wagtail_factories.StreamFieldFactory(GuideStreamBlockFactory)

    class Meta:
        model = GuidePage
        skip_postgeneration_save = True

    @classmethod
    def _generate(cls, strategy, params):
        """A paragraph of fifty words, unless the test gives the body."""
        if not any(key == "body" or key.startswith("body__") for key in params):
            params = {**params, "body__0__paragraph__value": words(50)}
        return super()._generate(strategy, params)

    @factory.post_generation
    def topics(self, create, topics, **kwargs):
        if create and topics:
            self.topics.set(topics)
            return True

    @factory.post_generation
    def services(self, create, services, **kwargs):
        if create and services:
            self.services.set(services)
            return True

    @factory.post_generation
    def tools_before(self, create, services, **kwargs):
        if create and services:
            self.tools_before.set(services)
            return True

    @factory.post_generation
    def tools_after(self, create, alternatives, **kwargs):
        if create and alternatives:
            self.tools_after.set(alternatives)
            return True


class GuideTestimonyFactory(GuidePageFactory):
    """A testimony with its facts filled in, as the editor must; tools are given by the test."""

    title = factory.Sequence(lambda n: f"Témoignage {n}")
    kind = GuideKind.TESTIMONY
    association_kind = AssociationKind.SPORT
    association_size = Audience.SMALL
    switch_duration = SwitchDuration.UP_TO_1_YEAR
    cost_range = CostRange.FREE
