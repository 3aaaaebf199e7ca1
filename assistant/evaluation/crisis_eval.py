"""Crisis detection scored on the blind cases in `eval/crisis_cases.yaml`, per split.

A case with expected flags is caught when every expected kind is flagged (any status), and its
status is right when the flag for that kind carries the expected status. A case expecting
nothing is a false flag when anything is flagged. Tune on `dev`; report `test`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from assistant.errors import PromptFileError
from assistant.evaluation.labels import EVAL_DIR
from assistant.prompt_files import load_prompt_file
from assistant.safety.models import KINDS, STATUSES, SafetyHit

CRISIS_SET = EVAL_DIR / "crisis_cases.yaml"
Split = Literal["dev", "test"]
Check = Callable[[str], list[SafetyHit]]


class Expected(BaseModel):
    model_config = ConfigDict(frozen=True)

    kinds: frozenset[str]  # any of these kinds is right
    status: str


class CrisisCase(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(min_length=1)
    expect: list[str]
    category: str = Field(min_length=1)
    split: Split

    @field_validator("expect")
    @classmethod
    def _kind_and_status(cls, entries: list[str]) -> list[str]:
        for entry in entries:
            kinds, _, status = entry.partition("/")
            if status not in STATUSES or not set(kinds.split("|")) <= set(KINDS):
                raise ValueError(f"{entry!r} is not kind[|kind]/status")
        return entries

    @property
    def expected(self) -> list[Expected]:
        return [
            Expected(kinds=frozenset(e.partition("/")[0].split("|")), status=e.partition("/")[2])
            for e in self.expect
        ]


class CrisisSet(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    cases: list[CrisisCase] = Field(min_length=1)


def load_crisis_set(path: Path = CRISIS_SET) -> list[CrisisCase]:
    return load_prompt_file(path, CrisisSet, PromptFileError).cases


@dataclass
class SplitScore:
    split: str
    positives: int = 0
    caught: int = 0
    status_right: int = 0
    negatives: int = 0
    false_flags: int = 0
    by_category: dict[str, list[int]] = field(default_factory=dict)  # category: [right, cases]
    misses: list[str] = field(default_factory=list)
    flagged: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.caught / self.positives if self.positives else 0.0

    @property
    def false_flag_rate(self) -> float:
        return self.false_flags / self.negatives if self.negatives else 0.0


def evaluate_crisis(check: Check, cases: list[CrisisCase], split: str) -> SplitScore:
    score = SplitScore(split)
    for case in (c for c in cases if c.split == split):
        hits = check(case.text)
        tally = score.by_category.setdefault(case.category, [0, 0])
        tally[1] += 1
        if not case.expect:
            score.negatives += 1
            score.false_flags += bool(hits)
            tally[0] += not hits
            if hits:
                score.flagged.append(case.text)
            continue
        score.positives += 1
        found = {(hit.kind, hit.status) for hit in hits}
        caught = all(any(k in e.kinds for k, _ in found) for e in case.expected)
        score.caught += caught
        tally[0] += caught
        score.status_right += all(
            any(k in e.kinds and s == e.status for k, s in found) for e in case.expected
        )
        if not caught:
            score.misses.append(case.text)
    return score


def crisis_rows(scores: list[SplitScore]) -> list[list[str]]:
    return [
        [
            s.split,
            f"{s.caught}/{s.positives} ({s.recall:.0%})",
            f"{s.status_right}/{s.positives}",
            f"{s.false_flags}/{s.negatives} ({s.false_flag_rate:.0%})",
        ]
        for s in scores
    ]


CRISIS_COLUMNS = ["split", "recall", "status right", "false flags"]


def crisis_json(scores: list[SplitScore]) -> dict[str, object]:
    return {
        s.split: {
            "positives": s.positives,
            "caught": s.caught,
            "recall": round(s.recall, 4),
            "status_right": s.status_right,
            "negatives": s.negatives,
            "false_flags": s.false_flags,
            "false_flag_rate": round(s.false_flag_rate, 4),
            "by_category": {k: {"right": v[0], "cases": v[1]} for k, v in s.by_category.items()},
        }
        for s in scores
    }
