"""The interview template published as a FHIR Questionnaire (linkIds are the question ids)."""

from __future__ import annotations

import re
from typing import Any

from assistant.interview.exports.fhir_common import (
    EPISODE_GROUP,
    MAX_VALUE,
    MIN_VALUE,
    PLAN_GROUP,
    coding,
    item_type,
    validated_json,
)
from assistant.interview.models import FhirVersion
from assistant.interview.template import Question, Template, render_prompt


def questionnaire(template: Template, version: FhirVersion = "R5") -> dict[str, Any]:
    """The Questionnaire as a dict: a repeating group per episode, then the plan group."""
    return {
        "resourceType": "Questionnaire",
        "id": template.id,
        "url": template.url,
        "version": template.version,
        "name": _computable_name(template.title),
        "title": template.title,
        "status": "active",
        "subjectType": ["Patient"],
        "description": template.intro,
        "item": [
            {
                "linkId": EPISODE_GROUP,
                "text": template.episode.title,
                "type": "group",
                "repeats": True,
                "item": [_item(template, q, version) for q in template.episode.questions],
            },
            {
                "linkId": PLAN_GROUP,
                "text": template.plan.title,
                "type": "group",
                "item": [_item(template, q, version) for q in template.plan.questions],
            },
        ],
    }


def questionnaire_json(template: Template, version: FhirVersion = "R5") -> str:
    return validated_json(version, questionnaire(template, version))


def _item(template: Template, question: Question, version: FhirVersion) -> dict[str, Any]:
    item: dict[str, Any] = {
        "linkId": question.id,
        "text": render_prompt(question),
        **item_type(question, version),
        "required": question.required,
    }
    if question.quick_picks:
        item["answerOption"] = [{"valueCoding": coding(template, p)} for p in question.quick_picks]
    if question.bounds:
        low, high = question.bounds
        item["extension"] = [
            {"url": MIN_VALUE, "valueInteger": low},
            {"url": MAX_VALUE, "valueInteger": high},
        ]
    return item


def _computable_name(title: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", title)
    name = "".join(word[:1].upper() + word[1:] for word in words)
    return name if name[:1].isalpha() else f"Q{name}"
