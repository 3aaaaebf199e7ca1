"""The labelled questions: in-scope ones with their answering posts, and ones to decline.

Labels name posts as (thread title, post number), so they survive any change of chunking.
The file is checked at load against the parsed corpus: a label naming a thread or post that
does not exist fails with the question it belongs to.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from assistant.corpus.models import SourceDocument
from assistant.errors import EvaluationDataError
from assistant.settings import PROJECT_ROOT

EVAL_DIR = PROJECT_ROOT / "eval"
RETRIEVAL_SET = EVAL_DIR / "retrieval_questions.yaml"

Style = Literal["close", "paraphrase", "lay", "story", "shorthand"]
Split = Literal["dev", "test"]  # dev: tune on it; test: written blind, never tuned on
NEAR_MISS = "near-miss"
PostRef = tuple[str, int]  # (thread title, post number)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class InScopeQuestion(_Strict):
    question: str
    style: Style
    answers: tuple[tuple[str, int], ...]
    split: Split = "dev"


class OutOfScopeQuestion(_Strict):
    question: str
    kind: Literal["dose", "billing", "unrelated medicine", "trivia", "page furniture", "near-miss"]
    split: Split = "dev"

    @property
    def near_miss(self) -> bool:
        return self.kind == NEAR_MISS


class RetrievalSetFile(_Strict):
    threads: dict[str, str]
    in_scope: tuple[InScopeQuestion, ...]
    out_of_scope: tuple[OutOfScopeQuestion, ...]

    @model_validator(mode="after")
    def _aliases_known(self) -> RetrievalSetFile:
        for item in self.in_scope:
            for alias, _post in item.answers:
                if alias not in self.threads:
                    raise ValueError(f"{item.question!r} names unknown thread {alias!r}")
        return self


class LabelledQuestion(_Strict):
    question: str
    style: Style
    answers: frozenset[PostRef]
    split: Split = "dev"


class RetrievalSet(_Strict):
    in_scope: tuple[LabelledQuestion, ...]
    out_of_scope: tuple[OutOfScopeQuestion, ...]

    def split(self, name: Split) -> RetrievalSet:
        """The questions of one split (dev or test)."""
        return RetrievalSet(
            in_scope=tuple(q for q in self.in_scope if q.split == name),
            out_of_scope=tuple(q for q in self.out_of_scope if q.split == name),
        )

    def subset(self, every: int) -> RetrievalSet:
        """Every n-th question of each part, for a quick run."""
        return RetrievalSet(
            in_scope=self.in_scope[::every], out_of_scope=self.out_of_scope[::every]
        )


def load_retrieval_set(documents: list[SourceDocument], path: Path = RETRIEVAL_SET) -> RetrievalSet:
    raw = _read_yaml(path)
    try:
        parsed = RetrievalSetFile.model_validate(raw)
    except ValidationError as exc:
        raise EvaluationDataError(f"{path.name}: {_first_problem(exc)}") from None
    known = {(t.title, p.number) for d in documents for t in d.threads for p in t.posts}
    questions = []
    for item in parsed.in_scope:
        answers = frozenset((parsed.threads[alias], post) for alias, post in item.answers)
        missing = sorted(answers - known)
        if missing:
            raise EvaluationDataError(
                f"{path.name}: {item.question!r} is labelled with posts the corpus lacks: {missing}"
            )
        questions.append(
            LabelledQuestion(
                question=item.question, style=item.style, answers=answers, split=item.split
            )
        )
    return RetrievalSet(in_scope=tuple(questions), out_of_scope=parsed.out_of_scope)


def _read_yaml(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvaluationDataError(f"{path}: cannot be read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        raise EvaluationDataError(
            f"{path.name}: not valid YAML ({exc.__class__.__name__})"
        ) from None


def _first_problem(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"])
    return f"{where}: {error['msg']}" if where else error["msg"]
