"""A session as a FHIR QuestionnaireResponse (R5 by default, R4B for SDC-based systems)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assistant.interview import flow
from assistant.interview.exports.common import Answered, answered
from assistant.interview.exports.fhir_common import EPISODE_GROUP, PLAN_GROUP, canonical, coding
from assistant.interview.models import AnswerRecord, SessionRecord, Slot
from assistant.interview.template import Template


def questionnaire_response(
    template: Template, record: SessionRecord, answers: Mapping[Slot, AnswerRecord]
) -> dict[str, Any]:
    items = answered(template, record, answers)
    groups = [
        _group(EPISODE_GROUP, f"Episode {n}", template, by_episode)
        for n in range(1, record.state.episodes + 1)
        if (by_episode := [i for i in items if i.episode == n])
    ]
    plan = [i for i in items if i.episode is None]
    if plan:
        groups.append(_group(PLAN_GROUP, template.plan.title, template, plan))
    owner = record.owner
    response: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "id": record.id,
        "questionnaire": canonical(template),
        "status": "completed" if complete(template, record, answers) else "in-progress",
        "subject": {"display": record.label},
        "authored": record.state.updated_at.isoformat(),
        "author": {
            "identifier": {
                "system": f"urn:cuemap:workspace:{owner.workspace_id}",
                "value": owner.user_id,
            }
        },
    }
    if groups:
        response["item"] = groups
    return response


def complete(
    template: Template, record: SessionRecord, answers: Mapping[Slot, AnswerRecord]
) -> bool:
    """Finished, with every required question of every episode answered."""
    required = {q.id for q in template.questions if q.required}
    return record.state.status == "finished" and all(
        (stored := answers.get(slot)) is not None and not stored.skipped
        for slot in flow.slots(template, record.state.episodes)
        if slot.question_id in required
    )


def _group(link_id: str, text: str, template: Template, items: list[Answered]) -> dict[str, Any]:
    return {
        "linkId": link_id,
        "text": text,
        "item": [
            {"linkId": i.question.id, "text": i.prompt, "answer": [_value(template, i)]}
            for i in items
        ],
    }


def _value(template: Template, item: Answered) -> dict[str, Any]:
    question = item.question
    if question.bounds:
        return {"valueInteger": int(item.text)}
    for pick in question.quick_picks:
        if pick.lower() == item.text.lower():
            return {"valueCoding": coding(template, pick)}
    return {"valueString": item.text}
