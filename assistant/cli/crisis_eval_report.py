"""`cuemap eval`'s crisis-detection section: recall and false flags on the blind cases."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.cli import runtime

if TYPE_CHECKING:
    from assistant.evaluation.crisis_eval import SplitScore
    from assistant.settings import Settings

SPLITS = ("dev", "test")


def crisis_scores(settings: Settings) -> list[SplitScore]:
    from assistant.evaluation.crisis_eval import evaluate_crisis, load_crisis_set
    from assistant.safety import SafetyGuard

    guard = SafetyGuard.from_settings(settings)
    cases = load_crisis_set()
    with runtime.err.status("Checking the labelled crisis cases…"):
        return [evaluate_crisis(guard.check, cases, split) for split in SPLITS]


def crisis_json(scores: list[SplitScore]) -> dict[str, object]:
    from assistant.evaluation.crisis_eval import crisis_json as as_json

    return as_json(scores)


def print_crisis_table(scores: list[SplitScore]) -> None:
    from assistant.evaluation.crisis_eval import CRISIS_COLUMNS, crisis_rows
    from assistant.evaluation.report import markdown_table

    runtime.out.print(
        "\nCrisis detection: blind cases (eval/crisis_cases.yaml), tuned on dev, reported on "
        "test. Recall: every expected kind flagged; status right: flagged as current, "
        "historical, hypothetical or about someone else as expected; false flags: cases that "
        "should raise no card\n"
    )
    print(markdown_table(CRISIS_COLUMNS, crisis_rows(scores)))
