"""The plan in steps, chosen and ordered from the answers; pure, so each rule is unit-tested.

Every plan opens with the board's decision and the diagnosis, and closes with the follow-up.
In between: the quick wins (the painful tool first, then the tools whose easiest alternative is
easy), then either one tool at a time or, when most uses change, a global rethink; training
when the association asked for it.

Global rethink rule: 4 tools or more, or tools from 3 uses (categories) or more.
"""

from dataclasses import dataclass, field

from catalogue.models import Difficulty
from diagnostic.answers import Wish
from diagnostic.blocks import PlanStep

GLOBAL_MIN_TOOLS = 4
GLOBAL_MIN_CATEGORIES = 3


@dataclass
class ToolOrder:
    """A chosen tool and the effort of its easiest alternative (None: no alternative yet)."""

    service: object
    effort: int | None = None


@dataclass
class Step:
    key: str
    title: str
    body: object = None  # the editor's rich text
    tools: list = field(default_factory=list)  # services, in the order to tackle them
    provider: object = None  # the provider suggested for the diagnosis


def needs_global_rethink(answers):
    return (
        len(answers.services) >= GLOBAL_MIN_TOOLS
        or len(answers.category_ids) >= GLOBAL_MIN_CATEGORIES
    )


def tool_sequence(answers, efforts):
    """The tools in the order to change them: the painful one, then easiest first, then name.

    `efforts` maps a service id to the difficulty of its easiest alternative.
    """

    def key(service):
        effort = efforts.get(service.pk)
        return (
            service != answers.pain,
            effort is None,
            effort or 0,
            service.name,
        )

    return sorted(answers.services, key=key)


def quick_wins(answers, efforts):
    """The painful tool, and the tools an easy alternative replaces."""
    return [
        service
        for service in tool_sequence(answers, efforts)
        if service == answers.pain or efforts.get(service.pk) == Difficulty.EASY
    ]


def build_plan(answers, efforts, texts, first_match=None):
    """The steps for these answers; `texts` is DiagnosticPage.step_blocks()."""

    def step(key, **extra):
        text = texts.get(key) or {}
        return Step(key, text.get("title") or PlanStep(key).label, text.get("body"), **extra)

    sequence = tool_sequence(answers, efforts)
    accompanied = Wish.ACCOMPANIED in answers.wishes
    steps = [
        step(PlanStep.BOARD),
        step(PlanStep.DIAGNOSIS, provider=first_match if accompanied else None),
    ]
    wins = quick_wins(answers, efforts)
    if wins:
        steps.append(step(PlanStep.QUICK_WINS, tools=wins))
    if needs_global_rethink(answers):
        steps.append(step(PlanStep.GLOBAL, tools=sequence))
    else:
        steps.append(step(PlanStep.ONE_AT_A_TIME, tools=sequence))
    if Wish.TRAINED in answers.wishes:
        steps.append(step(PlanStep.TRAINING))
    steps.append(step(PlanStep.FOLLOW_UP))
    return steps
