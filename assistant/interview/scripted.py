"""A whole interview from a file of answers, for scripting and tests (`cuemap interview --answers`).

Two shapes, both JSON objects:

    {"label": "Pt-A", "answers": {"before_craving": "...", "where": "pub", "coping_1": "leave"}}
        one episode; plan questions go in the same mapping.

    {"label": "Pt-A", "episodes": [{"before_craving": "..."}, {"where": "home"}],
     "plan": {"coping_1": "urge-surf", "confidence_1": 60}}
        several episodes, then the plan.

Answers are given in template order whatever the file's order, so plan questions see the main
triggers of every episode; a question left out is simply not answered. Numbers may be JSON numbers.

No one is there to ask, so identifiers in the label and answers are redacted automatically and
counted by type in `ScriptNotes`; a safety card is collected there too, and the run goes on
(the caller shows the cards: running the script is seeing them).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from assistant.errors import InvalidAnswerError
from assistant.interview.models import Owner
from assistant.interview.service import InterviewService
from assistant.interview.template import Template
from assistant.privacy import PhiType, Redaction, redact
from assistant.safety import SafetyCard

AnswerMap = dict[str, str | int | float]


class AnswersFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    label: str = ""
    answers: AnswerMap | None = None
    episodes: list[AnswerMap] | None = None
    plan: AnswerMap | None = None

    @model_validator(mode="after")
    def _one_shape(self) -> AnswersFile:
        if self.answers is not None and (self.episodes is not None or self.plan is not None):
            raise ValueError('give either "answers", or "episodes" and "plan", not both')
        if self.answers is None and not self.episodes and not self.plan:
            raise ValueError('no answers: give "answers", or "episodes" and "plan"')
        return self

    def split(self, template: Template) -> tuple[list[AnswerMap], AnswerMap]:
        """(answers per episode, plan answers); unknown or misplaced ids are refused."""
        if self.answers is not None:
            episode = {k: v for k, v in self.answers.items() if template.repeats(k)}
            plan = {k: v for k, v in self.answers.items() if not template.repeats(k)}
            episodes, plan_answers = [episode], plan
        else:
            episodes, plan_answers = self.episodes or [{}], self.plan or {}
        problems = _misplaced(template, episodes, plan_answers)
        if problems:
            raise InvalidAnswerError("The answers file " + "; ".join(problems) + ".")
        return episodes, plan_answers


def read_answers_file(path: Path) -> AnswersFile:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError:
        raise InvalidAnswerError(f"Cannot read the answers file {path}.") from None
    except json.JSONDecodeError as exc:
        raise InvalidAnswerError(f"{path} is not valid JSON (line {exc.lineno}).") from None
    try:
        return AnswersFile.model_validate(raw)
    except ValidationError as exc:
        where = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'top level'}: {e['msg']}"
            for e in exc.errors(include_url=False)
        )
        raise InvalidAnswerError(f"{path}: {where}.") from None


@dataclass
class ScriptNotes:
    """What a scripted run did on its own: identifiers redacted (by type), safety cards shown."""

    redacted: Counter[PhiType] = field(default_factory=Counter)
    safety: list[SafetyCard] = field(default_factory=list)

    def redaction_summary(self) -> str:
        """'2 names, 1 phone number' (empty when nothing was redacted)."""
        return Redaction("", dict(self.redacted)).summary()


def run_scripted(
    service: InterviewService, owner: Owner, script: AnswersFile, notes: ScriptNotes | None = None
) -> str:
    """Start a session, give every answer in template order, finish; the session id."""
    notes = notes if notes is not None else ScriptNotes()
    template = service.template
    episodes, plan = script.split(template)
    view = service.start(owner, _redacted(script.label, notes), phi="redact")
    for number, given in enumerate(episodes, start=1):
        if number > 1:
            service.add_episode(owner, view.session_id)
        for question in template.episode.questions:
            if question.id in given:
                text = _text(given[question.id])
                _give(service, owner, view.session_id, question.id, text, number, notes)
    for question in template.plan.questions:
        if question.id in plan:
            text = _text(plan[question.id])
            _give(service, owner, view.session_id, question.id, text, None, notes)
    service.finish(owner, view.session_id)
    return view.session_id


def _give(
    service: InterviewService,
    owner: Owner,
    session_id: str,
    question_id: str,
    text: str,
    episode: int | None,
    notes: ScriptNotes,
) -> None:
    redacted = _redacted(text, notes)
    try:
        view = service.answer(owner, session_id, question_id, redacted, episode, phi="redact")
    except InvalidAnswerError as exc:  # say which of the file's answers, or no one can find it
        where = f"episode {episode}" if episode is not None else "plan"
        raise InvalidAnswerError(f"The answers file, {where}, {question_id}: {exc}") from None
    if view.safety is not None:
        notes.safety.append(view.safety)
        service.confirm_safety(owner, session_id)


def _redacted(text: str, notes: ScriptNotes) -> str:
    redaction = redact(text)
    notes.redacted.update(redaction.counts_by_type)
    return redaction.text


def _text(value: str | int | float) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _misplaced(template: Template, episodes: list[AnswerMap], plan: AnswerMap) -> list[str]:
    problems = []
    for number, given in enumerate(episodes, start=1):
        wrong = sorted(k for k in given if not template.repeats(k))
        if wrong:
            problems.append(f"episode {number} has ids that are not episode questions: {wrong}")
    unknown = sorted(k for k in plan if template.question(k) is None)
    misplaced = sorted(k for k in plan if template.repeats(k))
    if unknown:
        problems.append(f"names questions the interview does not have: {unknown}")
    if misplaced:
        problems.append(f"plan has episode questions: {misplaced}")
    return problems
