"""FHIR details both resources share: versions, item types, quick-pick codings."""

from __future__ import annotations

import importlib
from typing import Any

from pydantic import BaseModel

from assistant.interview.models import FhirVersion
from assistant.interview.template import Question, Template, quick_pick_code

MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"
EPISODE_GROUP = "episode"
PLAN_GROUP = "plan"
MODULES = {"R5": "fhir.resources", "R4B": "fhir.resources.R4B"}


def resource_class(version: FhirVersion, name: str) -> type[BaseModel]:
    """fhir.resources' model for `name` ("Questionnaire", ...) in R5 (default) or R4B."""
    module = importlib.import_module(f"{MODULES[version]}.{name.lower()}")
    return getattr(module, name)


def validated_json(version: FhirVersion, resource: dict[str, Any]) -> str:
    """Validate with fhir.resources and serialise as it does (no empty elements)."""
    model = resource_class(version, resource["resourceType"]).model_validate(resource)
    return model.model_dump_json(indent=2)


def item_type(question: Question, version: FhirVersion) -> dict[str, Any]:
    """type (and in R5 answerConstraint) for a question: quick picks are answer options."""
    if question.bounds:
        return {"type": "integer"}
    if question.kind == "choice":
        return (
            {"type": "coding", "answerConstraint": "optionsOnly"}
            if version == "R5"
            else {"type": "choice"}
        )
    if question.quick_picks:
        if version == "R5":
            return {"type": "coding", "answerConstraint": "optionsOrString"}
        return {"type": "open-choice"}
    return {"type": "text"}


def coding(template: Template, pick: str) -> dict[str, str]:
    return {"system": template.code_system, "code": quick_pick_code(pick), "display": pick}


def canonical(template: Template) -> str:
    return f"{template.url}|{template.version}"
