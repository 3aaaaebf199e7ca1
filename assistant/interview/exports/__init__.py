"""A session as a file: the Markdown note, JSON, or FHIR (QuestionnaireResponse, Questionnaire)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence

from assistant.errors import ExportError
from assistant.interview.exports.common import filename
from assistant.interview.exports.conformance import check_response
from assistant.interview.exports.fhir_common import validated_json
from assistant.interview.exports.json_doc import render_json
from assistant.interview.exports.markdown import render_markdown
from assistant.interview.exports.questionnaire import questionnaire, questionnaire_json
from assistant.interview.exports.response import questionnaire_response
from assistant.interview.models import (
    AnswerRecord,
    CueMap,
    Export,
    FhirVersion,
    SafetyFlag,
    SessionRecord,
    Slot,
)
from assistant.interview.template import Template

FORMATS = ("markdown", "json", "fhir")


def render_export(
    fmt: str,
    template: Template,
    record: SessionRecord,
    answers: Mapping[Slot, AnswerRecord],
    cue_map: Callable[[], CueMap],
    fhir_version: FhirVersion | str = "R5",
    safety: Sequence[SafetyFlag] = (),
) -> Export:
    """The file; `cue_map` is only built for the formats that show it (not FHIR). Safety
    flags head the note and are listed in JSON; FHIR carries none (see README)."""
    if fmt == "markdown":
        content = render_markdown(template, record, answers, cue_map(), safety)
        return Export(filename(record, ".md"), "text/markdown", content)
    if fmt == "json":
        content = render_json(template, record, answers, cue_map(), safety)
        return Export(filename(record, ".json"), "application/json", content)
    if fmt == "fhir":
        version = _check_version(fhir_version)
        content = fhir_response_json(template, record, answers, version)
        name = filename(record, f"-questionnaire-response-{version.lower()}.json")
        return Export(name, "application/fhir+json", content)
    raise ExportError(f"Unknown export format {fmt!r}: use one of {', '.join(FORMATS)}.")


def render_questionnaire(template: Template, fhir_version: FhirVersion | str = "R5") -> Export:
    version = _check_version(fhir_version)
    name = f"{template.id}-questionnaire-{version.lower()}.json"
    return Export(name, "application/fhir+json", questionnaire_json(template, version))


def fhir_response_json(
    template: Template,
    record: SessionRecord,
    answers: Mapping[Slot, AnswerRecord],
    fhir_version: FhirVersion,
) -> str:
    """The response, validated by fhir.resources and checked against the questionnaire."""
    content = validated_json(fhir_version, questionnaire_response(template, record, answers))
    problems = check_response(questionnaire(template, fhir_version), json.loads(content))
    if problems:
        raise ExportError(
            "The FHIR export does not conform to the questionnaire: " + "; ".join(problems)
        )
    return content


def _check_version(fhir_version: str) -> FhirVersion:
    if fhir_version == "R5":
        return "R5"
    if fhir_version == "R4B":
        return "R4B"
    raise ExportError(f"FHIR version {fhir_version!r}: use R5 or R4B.")
