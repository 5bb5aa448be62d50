"""The diagnostic page's plan steps: editors write each step once, the result orders them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import CalloutBlock, RichTextBlock

__all__ = ["PlanStep", "PlanStepBlock", "PlanStreamBlock"]


class PlanStep(models.TextChoices):
    """The stages of a move to free software, as the method describes them."""

    BOARD = "board", _("La décision du conseil d'administration")
    DIAGNOSIS = "diagnosis", _("Le diagnostic des outils et des usages")
    QUICK_WINS = "quick_wins", _("Les premiers changements, faciles")
    ONE_AT_A_TIME = "one_at_a_time", _("Un outil à la fois")
    GLOBAL = "global", _("Une refonte d'ensemble")
    TRAINING = "training", _("La formation des bénévoles")
    FOLLOW_UP = "follow_up", _("Le suivi")


class PlanStepBlock(blocks.StructBlock):
    """One stage of the plan; the result shows it when the association's answers call for it."""

    step = blocks.ChoiceBlock(label=_("Étape"), choices=PlanStep.choices)
    title = blocks.CharBlock(label=_("Titre"), max_length=120)
    body = RichTextBlock(label=_("Conseils"))

    class Meta:
        icon = "list-ol"
        label = _("Étape du plan")
        template = "components/streamfield/plan_step_block.html"
        preview_value = {
            "step": PlanStep.BOARD,
            "title": "Faire voter le conseil d'administration",
            "body": "<p>Le changement d'outils est un choix politique : il se décide ensemble.</p>",
        }
        description = _(
            "Une étape du plan (décision, diagnostic, premiers changements…) : le résultat "
            "la montre à sa place quand les réponses de l'association l'appellent."
        )


class PlanStreamBlock(blocks.StreamBlock):
    step = PlanStepBlock()
    callout = CalloutBlock()
