"""The diagnostic page, its plan steps built with wagtail-factories block factories.

By default the page has one written step per kind, its title saying which, as editors fill
it; a test gives its own with `steps__0__step__step="board"`, `steps__1="callout"`…
"""

import factory
import wagtail_factories

from diagnostic.blocks import PlanStep, PlanStepBlock, PlanStreamBlock
from diagnostic.models import DiagnosticPage
from tests.factories.home import rich_text


class PlanStepBlockFactory(wagtail_factories.StructBlockFactory):
    step = PlanStep.BOARD.value
    title = factory.LazyAttribute(lambda block: f"Étape {block.step}")
    body = factory.LazyAttribute(
        lambda block: rich_text(f"<p>Conseils pour l'étape {block.step}.</p>")
    )

    class Meta:
        model = PlanStepBlock


class PlanStreamBlockFactory(wagtail_factories.StreamBlockFactory):
    step = factory.SubFactory(PlanStepBlockFactory)

    class Meta:
        model = PlanStreamBlock


def one_step_per_kind():
    return {f"steps__{n}__step__step": step for n, step in enumerate(PlanStep.values)}


class DiagnosticPageFactory(wagtail_factories.PageFactory):
    title = "Passer au libre"
    slug = "passer-au-libre"
    introduction = "Dites-nous quels outils vous utilisez : vous aurez un plan."
    steps = wagtail_factories.StreamFieldFactory(PlanStreamBlockFactory)
    board_decision_draft = (
        "Le conseil d'administration décide de quitter [outils] et de passer au libre."
    )
    expectations = "<p>Comptez deux à trois ans ; le libre n'est pas gratuit.</p>"

    class Meta:
        model = DiagnosticPage

    @classmethod
    def _generate(cls, strategy, params):
        """One step per kind, unless the test gives the steps."""
        if not any(key == "steps" or key.startswith("steps__") for key in params):
            params = {**params, **one_step_per_kind()}
        return super()._generate(strategy, params)
