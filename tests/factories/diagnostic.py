import json

import factory
import wagtail_factories

from diagnostic.blocks import PlanStep
from diagnostic.models import DiagnosticPage


def plan_steps():
    """One written step per kind, its title saying which, as editors fill the page."""
    return json.dumps(
        [
            {
                "type": "step",
                "value": {
                    "step": step,
                    "title": f"Étape {step}",
                    "body": f"<p>Conseils pour l'étape {step}.</p>",
                },
            }
            for step in PlanStep.values
        ]
    )


class DiagnosticPageFactory(wagtail_factories.PageFactory):
    title = "Passer au libre"
    slug = "passer-au-libre"
    introduction = "Dites-nous quels outils vous utilisez : vous aurez un plan."
    steps = factory.LazyFunction(plan_steps)
    board_decision_draft = (
        "Le conseil d'administration décide de quitter [outils] et de passer au libre."
    )
    expectations = "<p>Comptez deux à trois ans ; le libre n'est pas gratuit.</p>"

    class Meta:
        model = DiagnosticPage
