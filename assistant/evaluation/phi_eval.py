"""The PHI guard on the labelled sets in eval/: identifiers redacted, clean answers kept, labels.

- Identifier answers (`eval/phi_identifiers.yaml`): a case is fully redacted when no word of any
  of its identifiers survives redaction (a first name left beside "[NAME]" is a miss). Words
  that are not identifying on their own ("van", "de", "at", "dot") are not counted.
- Clean clinical answers (`eval/phi_clean.yaml`): changed when redaction changes anything.
- Session labels (`eval/phi_labels.yaml`): right when a pseudonym shape is accepted and
  anything that could be a name or a date is refused.

Scores are kept per split: tune on dev, report test.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from assistant.errors import EvaluationDataError
from assistant.evaluation.labels import EVAL_DIR, _first_problem, _read_yaml

IDENTIFIER_SET = EVAL_DIR / "phi_identifiers.yaml"
CLEAN_SET = EVAL_DIR / "phi_clean.yaml"
LABEL_SET = EVAL_DIR / "phi_labels.yaml"

Split = Literal["dev", "test"]
M = TypeVar("M", bound="BaseModel")
Redactor = Callable[[str], str]
LabelCheck = Callable[[str], bool]

_WORD = re.compile(r"\w+")
# Glue inside an identifier, not identifying alone: name particles and spelled-out email words.
_GLUE = frozenset(
    """van der den de la le du del dos da das di bin ibn bint al el ben ni ó ní mac
    at dot underscore dash com co uk org net me es pl and of the years year old""".split()
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class IdentifierCase(_Strict):
    id: str
    split: Split
    kind: str
    text: str
    values: tuple[str, ...]


class CleanCase(_Strict):
    id: str
    split: Split
    text: str


class LabelCase(_Strict):
    id: str
    split: Split
    label: str
    accept: bool


class _IdentifierFile(_Strict):
    cases: tuple[IdentifierCase, ...]


class _CleanFile(_Strict):
    cases: tuple[CleanCase, ...]


class _LabelFile(_Strict):
    labels: tuple[LabelCase, ...]


@dataclass(frozen=True)
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> Tally:
        return Tally(self.right + ok, self.total + 1)

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 1.0

    def __str__(self) -> str:
        return f"{self.right}/{self.total} ({self.share:.0%})"


@dataclass(frozen=True)
class PhiScores:
    split: Split
    redacted: Tally  # identifier answers fully redacted
    names: Tally  # answers whose identifiers are names, fully redacted
    clean_kept: Tally  # clean answers left unchanged
    labels: Tally  # labels accepted or refused rightly
    by_kind: dict[str, Tally] = field(default_factory=dict)
    misses: tuple[str, ...] = ()  # case ids: identifier left, clean changed, label wrong

    @property
    def clean_changed(self) -> int:
        return self.clean_kept.total - self.clean_kept.right


def evaluate_phi(
    split: Split, redact: Redactor | None = None, accepts_label: LabelCheck | None = None
) -> PhiScores:
    """Score the guard (by default CueMap's own) on one split of the three sets."""
    redact = redact or _cuemap_redact
    accepts_label = accepts_label or _cuemap_accepts
    ids = [c for c in load_identifier_cases() if c.split == split]
    clean = [c for c in load_clean_cases() if c.split == split]
    labels = [c for c in load_label_cases() if c.split == split]
    misses: list[str] = []
    redacted, names, by_kind = Tally(), Tally(), dict[str, Tally]()
    for case in ids:
        ok = fully_redacted(case.text, redact(case.text), case.values)
        redacted = redacted.add(ok)
        by_kind[case.kind] = by_kind.get(case.kind, Tally()).add(ok)
        if case.kind == "NAME":
            names = names.add(ok)
        misses += [] if ok else [case.id]
    kept = Tally()
    for item in clean:
        ok = redact(item.text) == item.text
        kept = kept.add(ok)
        misses += [] if ok else [item.id]
    right = Tally()
    for label in labels:
        ok = accepts_label(label.label) == label.accept
        right = right.add(ok)
        misses += [] if ok else [label.id]
    return PhiScores(split, redacted, names, kept, right, by_kind, tuple(misses))


def fully_redacted(original: str, redacted: str, values: Iterable[str]) -> bool:
    """No identifying word of any value is left in `redacted` beyond its uses outside the values."""
    outside = original
    for value in values:
        outside = outside.replace(value, " ")
    for value in values:
        for word in _WORD.findall(value):
            if len(word) < 2 or word.lower() in _GLUE:
                continue
            if _count(word, redacted) > _count(word, outside):
                return False
    return True


def _count(word: str, text: str) -> int:
    return len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE))


def load_identifier_cases(path: Path = IDENTIFIER_SET) -> tuple[IdentifierCase, ...]:
    cases = _load(_IdentifierFile, path).cases
    for case in cases:
        for value in case.values:
            if value not in case.text:
                raise EvaluationDataError(f"{path.name}: {case.id}: {value!r} is not in its text")
    return cases


def load_clean_cases(path: Path = CLEAN_SET) -> tuple[CleanCase, ...]:
    return _load(_CleanFile, path).cases


def load_label_cases(path: Path = LABEL_SET) -> tuple[LabelCase, ...]:
    return _load(_LabelFile, path).labels


def _load(model: type[M], path: Path) -> M:
    try:
        return model.model_validate(_read_yaml(path))
    except ValidationError as exc:
        raise EvaluationDataError(f"{path.name}: {_first_problem(exc)}") from None


def _cuemap_redact(text: str) -> str:
    from assistant.privacy import redact

    return redact(text).text


def _cuemap_accepts(label: str) -> bool:
    from assistant.privacy.labels import is_pseudonym

    return is_pseudonym(label)


def phi_rows(scores: Iterable[PhiScores]) -> list[list[str]]:
    """One table row per split: the figures the issue's targets name."""
    return [
        [
            s.split,
            str(s.redacted),
            str(s.names),
            f"{s.clean_changed}/{s.clean_kept.total}",
            str(s.labels),
        ]
        for s in scores
    ]


PHI_COLUMNS = ["split", "fully redacted", "names", "clean changed", "labels right"]


def phi_json(scores: Iterable[PhiScores]) -> dict[str, object]:
    return {
        s.split: {
            "fully_redacted": [s.redacted.right, s.redacted.total],
            "names": [s.names.right, s.names.total],
            "clean_changed": [s.clean_changed, s.clean_kept.total],
            "labels_right": [s.labels.right, s.labels.total],
            "by_kind": {k: [v.right, v.total] for k, v in s.by_kind.items()},
            "misses": list(s.misses),
        }
        for s in scores
    }
