"""The labelled cue-extraction set: free-text interview answers with the cues a clinician tags.

Checked at load: the question ids exist in the interview template, the categories are the
interview's, and every labelled cue is a phrase of its answer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from assistant.errors import EvaluationDataError
from assistant.evaluation.labels import EVAL_DIR, _first_problem, _read_yaml
from assistant.interview.models import CueCategory
from assistant.interview.template import Template

CUE_SET = EVAL_DIR / "cue_extraction.yaml"
Split = Literal["dev", "test"]  # dev: may be tuned on; test: written blind, only reported


class LabelledAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    question_id: str
    answer: str
    split: Split = "dev"
    cues: dict[CueCategory, tuple[str, ...]]


class CueSetFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    answers: tuple[LabelledAnswer, ...]


def load_cue_set(
    template: Template, path: Path = CUE_SET, split: Split | None = None
) -> tuple[LabelledAnswer, ...]:
    """The labelled answers (of one split, when given)."""
    try:
        parsed = CueSetFile.model_validate(_read_yaml(path))
    except ValidationError as exc:
        raise EvaluationDataError(f"{path.name}: {_first_problem(exc)}") from None
    for number, item in enumerate(parsed.answers):
        if template.question(item.question_id) is None:
            raise EvaluationDataError(
                f"{path.name}: answers.{number}: unknown question id {item.question_id!r}"
            )
        for category, phrases in item.cues.items():
            for phrase in phrases:
                if phrase.lower() not in item.answer.lower():
                    raise EvaluationDataError(
                        f"{path.name}: answers.{number}: {category} cue {phrase!r} "
                        "is not a phrase of the answer"
                    )
    return tuple(a for a in parsed.answers if split is None or a.split == split)
