"""What every export shares: the answered questions in interview order, and file names."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from assistant.interview import flow
from assistant.interview.models import PLAN_EPISODE, AnswerRecord, SessionRecord, Slot
from assistant.interview.template import Question, Template, render_prompt


@dataclass(frozen=True)
class Answered:
    question: Question
    episode: int | None  # None for plan questions
    prompt: str  # as the clinician saw it
    text: str


def answered(
    template: Template, record: SessionRecord, answers: Mapping[Slot, AnswerRecord]
) -> list[Answered]:
    """Every answered (not skipped) question, in interview order."""
    items = []
    for slot in flow.slots(template, record.state.episodes):
        stored = answers.get(slot)
        question = template.question(slot.question_id)
        if stored is None or stored.text is None or question is None:
            continue
        episode = None if slot.episode == PLAN_EPISODE else slot.episode
        prompt = render_prompt(question, stored.subject)
        items.append(Answered(question, episode, prompt, stored.text))
    return items


def filename(record: SessionRecord, suffix: str) -> str:
    label = re.sub(r"[^a-z0-9]+", "-", record.label.lower()).strip("-") or "session"
    return f"cuemap-{label}-{record.id[:8]}{suffix}"
