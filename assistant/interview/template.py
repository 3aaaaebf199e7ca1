"""The interview template (`prompts/interview.yaml`), validated at load into frozen models."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from assistant.errors import TemplateError
from assistant.interview.models import CueCategory, QuestionKind
from assistant.prompt_files import load_prompt_file

TEMPLATE_FILE = "interview.yaml"
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
BOUNDS: dict[str, tuple[int, int]] = {"scale": (0, 10), "percent": (0, 100)}
SECTION_IDS = ("episode", "plan")


def quick_pick_code(label: str) -> str:
    """A stable code for a quick pick (FHIR answerOption): "friend's place" -> friends-place."""
    return re.sub(r"[^a-z0-9]+", "-", label.lower().replace("'", "")).strip("-")


def render_prompt(question: Question, subject: str | None = None) -> str:
    """A plan prompt with its trigger filled in: "“pub” (main trigger 1)" or "main trigger 1"."""
    if question.trigger is None:
        return question.prompt
    shown = f"main trigger {question.trigger}"
    if subject:
        shown = f"“{subject}” ({shown})"
    return question.prompt.replace("{trigger}", shown)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Situation(Strict):
    id: Slug
    label: Text


class Stage(Strict):
    id: Slug
    label: Text
    explanation: Text
    categories: list[CueCategory] = []


class Upstream(Strict):
    id: Slug
    label: Text
    categories: list[CueCategory] = []
    questions: list[Slug] = []


class ExplanationQuery(Strict):
    id: Slug
    title: Text
    query: Text
    when_categories: list[CueCategory] = []


class Question(Strict):
    id: Slug
    label: Text
    prompt: Text
    hint: str = ""
    kind: QuestionKind = "text"
    quick_picks: list[Text] = []
    synonyms: dict[str, list[Text]] = Field(
        default={}, description="a choice's other words: 'no' and 'stayed clean' for 'did not use'"
    )
    cues: list[CueCategory] = Field(default=[], description="categories mined from the answer")
    answer_is: CueCategory | None = Field(
        default=None, description="a short answer nothing else recognised is a cue of this kind"
    )
    stage: Slug | None = None
    map_section: Text | None = None
    coping_section: Text | None = Field(
        default=None,
        description="what the patient did: on its stage when drug-seeking, in this section "
        "when coping, in its own section when neither",
    )
    trigger: int | None = Field(default=None, ge=1, description="plan: main trigger number")
    required: bool = False
    grounding: str = ""
    why: Text = Field(description="the query sent to the sources for 'why we ask'")

    @model_validator(mode="after")
    def _consistent(self) -> Question:
        if self.kind == "choice" and len(self.quick_picks) < 2:
            raise ValueError("a choice question needs at least two quick_picks")
        if self.kind in BOUNDS and (self.quick_picks or self.cues):
            raise ValueError(f"a {self.kind} question takes a number: no quick_picks or cues")
        if self.cues and self.kind != "text":
            raise ValueError("only text questions can be mined for cues")
        if self.answer_is and self.answer_is not in self.cues:
            raise ValueError("answer_is must be one of the question's cues")
        if "{trigger}" in self.prompt and self.trigger is None:
            raise ValueError("the prompt uses {trigger} but the question has no trigger number")
        unknown = [pick for pick in self.synonyms if pick not in self.quick_picks]
        if unknown:
            raise ValueError(f"synonyms for choices the question does not offer: {unknown}")
        codes = [quick_pick_code(pick) for pick in self.quick_picks]
        if len(set(codes)) != len(codes):
            raise ValueError("two quick_picks have the same code")
        return self

    @property
    def bounds(self) -> tuple[int, int] | None:
        return BOUNDS.get(self.kind)


class EpisodeSection(Strict):
    title: Text
    intro: str = ""
    questions: list[Question] = Field(min_length=1)


class PlanSection(Strict):
    title: Text
    intro: str = ""
    strategy_stages: dict[str, Slug] = {}
    questions: list[Question] = Field(min_length=1)


class Template(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$")]
    version: Text
    title: Text
    url: Annotated[str, StringConstraints(pattern=r"^(https?|urn):")]
    code_system: Annotated[str, StringConstraints(pattern=r"^(https?|urn):")]
    intro: str = ""
    situations: list[Situation] = Field(min_length=1)
    sequence: list[Stage] = Field(min_length=1)
    upstream: list[Upstream] = []
    explanations: list[ExplanationQuery] = []
    episode: EpisodeSection
    plan: PlanSection

    @property
    def questions(self) -> list[Question]:
        return [*self.episode.questions, *self.plan.questions]

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def repeats(self, question_id: str) -> bool:
        return any(q.id == question_id for q in self.episode.questions)

    def situation_ids(self) -> set[str]:
        return {s.id for s in self.situations}

    def problems(self) -> list[str]:
        """Cross-references pydantic cannot see: ids unique, stages and questions that exist."""
        problems = _duplicates("question ids", [q.id for q in self.questions], SECTION_IDS)
        problems += _duplicates("sequence ids", [s.id for s in self.sequence])
        problems += _duplicates("situation ids", [s.id for s in self.situations])
        stages = {s.id for s in self.sequence}
        for q in self.questions:
            if q.stage and q.stage not in stages:
                section = "episode" if self.repeats(q.id) else "plan"
                problems.append(f"{section}.questions[{q.id}].stage: unknown stage {q.stage!r}")
        known = {q.id for q in self.questions}
        for target in self.upstream:
            problems += [
                f"upstream[{target.id}].questions: unknown question {qid!r}"
                for qid in target.questions
                if qid not in known
            ]
        problems += [
            f"plan.strategy_stages[{pick}]: unknown stage {stage!r}"
            for pick, stage in self.plan.strategy_stages.items()
            if stage not in stages
        ]
        problems += [
            f"episode.questions[{q.id}].trigger: only plan questions are about a main trigger"
            for q in self.episode.questions
            if q.trigger is not None
        ]
        return problems


def _duplicates(what: str, ids: list[str], reserved: tuple[str, ...] = ()) -> list[str]:
    seen: set[str] = set()
    problems = []
    for item in ids:
        if item in seen or item in reserved:
            problems.append(f"{what}: {item!r} is used twice or reserved")
        seen.add(item)
    return problems


def load_template(prompts_dir: Path) -> Template:
    """Load and check `prompts/interview.yaml`; a broken file raises TemplateError naming it."""
    path = prompts_dir / TEMPLATE_FILE
    template = load_prompt_file(path, Template, TemplateError)
    problems = template.problems()
    if problems:
        raise TemplateError(f"{path}: " + "; ".join(problems))
    return template
