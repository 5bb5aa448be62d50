"""The plan's steps, chosen and ordered from the answers (pure: no database)."""

from types import SimpleNamespace

from catalogue.models import Difficulty
from diagnostic.answers import Answers, Wish
from diagnostic.blocks import PlanStep
from diagnostic.plan import build_plan, needs_global_rethink, quick_wins, tool_sequence


def service(pk, name, category_id):
    return SimpleNamespace(pk=pk, name=name, category_id=category_id)


GMAIL, DOODLE, SLACK, ZOOM = (
    service(1, "Gmail", 1),
    service(2, "Doodle", 2),
    service(3, "Slack", 3),
    service(4, "Zoom", 4),
)
EFFORTS = {1: Difficulty.EASY, 2: Difficulty.MODERATE, 3: Difficulty.HARD}  # Zoom: none


def keys(steps):
    return [step.key for step in steps]


def test_tools_go_painful_first_then_easiest_then_by_name():
    answers = Answers(services=(GMAIL, DOODLE, SLACK, ZOOM), pain=SLACK)
    assert [s.name for s in tool_sequence(answers, EFFORTS)] == ["Slack", "Gmail", "Doodle", "Zoom"]


def test_quick_wins_are_the_painful_tool_and_the_easy_ones():
    answers = Answers(services=(GMAIL, DOODLE, SLACK), pain=SLACK)
    assert [s.name for s in quick_wins(answers, EFFORTS)] == ["Slack", "Gmail"]
    assert quick_wins(Answers(services=(DOODLE,)), EFFORTS) == []


def test_a_global_rethink_from_four_tools_or_three_uses():
    assert not needs_global_rethink(Answers(services=(GMAIL, DOODLE)))
    assert needs_global_rethink(Answers(services=(GMAIL, DOODLE, SLACK)))  # three uses
    same_use = tuple(service(n, f"S{n}", 1) for n in range(4))
    assert needs_global_rethink(Answers(services=same_use))  # four tools
    assert not needs_global_rethink(Answers(services=same_use[:3]))


def test_the_plan_for_a_few_tools_goes_one_at_a_time_and_trains_when_asked():
    answers = Answers(services=(GMAIL, DOODLE), wishes=(Wish.TRAINED,))
    assert keys(build_plan(answers, EFFORTS, {})) == [
        PlanStep.BOARD,
        PlanStep.DIAGNOSIS,
        PlanStep.QUICK_WINS,
        PlanStep.ONE_AT_A_TIME,
        PlanStep.TRAINING,
        PlanStep.FOLLOW_UP,
    ]


def test_the_plan_for_most_uses_is_a_global_rethink_without_training_unless_asked():
    answers = Answers(services=(DOODLE, SLACK, ZOOM))
    assert keys(build_plan(answers, EFFORTS, {})) == [
        PlanStep.BOARD,
        PlanStep.DIAGNOSIS,
        PlanStep.GLOBAL,
        PlanStep.FOLLOW_UP,
    ]


def test_the_diagnosis_names_a_provider_only_when_the_association_wants_company():
    provider = SimpleNamespace(title="Breizh Libre")
    alone = build_plan(Answers(services=(GMAIL,)), EFFORTS, {}, provider)
    helped = build_plan(
        Answers(services=(GMAIL,), wishes=(Wish.ACCOMPANIED,)), EFFORTS, {}, provider
    )
    assert alone[1].provider is None and helped[1].provider is provider


def test_steps_take_the_editors_texts_or_fall_back_to_their_name():
    texts = {PlanStep.BOARD: {"title": "Voter en CA", "body": "<p>Texte</p>"}}
    board, diagnosis, *_ = build_plan(Answers(services=(GMAIL,)), EFFORTS, texts)
    assert (board.title, board.body) == ("Voter en CA", "<p>Texte</p>")
    assert diagnosis.title == PlanStep.DIAGNOSIS.label and diagnosis.body is None
