"""Safety flags as the exports show them: the kind and the question, never the answer text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from assistant.interview.models import PLAN_EPISODE, SafetyFlag
from assistant.interview.template import Template

STATUS_WORDS = {
    "current": "current",
    "hypothetical": "raised as a possibility: assess",
    "historical": "past history: assess current risk",
    "other_person": "about someone else: assess the patient's own risk",
}


def safety_json(flags: Sequence[SafetyFlag]) -> list[dict[str, Any]]:
    return [
        {
            "kind": flag.kind,
            "status": flag.status,
            "question_id": flag.slot.question_id,
            "episode": None if flag.slot.episode == PLAN_EPISODE else flag.slot.episode,
            "confirmed_at": flag.confirmed_at.isoformat() if flag.confirmed_at else None,
        }
        for flag in flags
    ]


def safety_markdown(template: Template, flags: Sequence[SafetyFlag]) -> str:
    """The note's first section when crisis language was flagged; empty otherwise."""
    if not flags:
        return ""
    lines = [_line(template, flag) for flag in flags]
    return (
        "## Safety flags\n\n"
        "Crisis language was flagged in these answers and the safety card was shown: follow "
        "your local risk protocol.\n\n" + "\n".join(lines)
    )


def _line(template: Template, flag: SafetyFlag) -> str:
    question = template.question(flag.slot.question_id)
    where = question.label if question is not None else flag.slot.question_id
    if flag.slot.episode != PLAN_EPISODE:
        where += f" (episode {flag.slot.episode})"
    confirmed = (
        f"card confirmed {flag.confirmed_at:%Y-%m-%d %H:%M} UTC"
        if flag.confirmed_at
        else "card not yet confirmed"
    )
    status = "" if flag.status == "current" else f" ({STATUS_WORDS[flag.status]})"
    kind = flag.kind.replace("_", " ")
    return f"- **{kind}**{status} in the answer to {where} · {confirmed}"
