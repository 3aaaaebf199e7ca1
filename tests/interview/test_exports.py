"""Every export of a finished interview: the Markdown note, JSON, FHIR R5 and R4B."""

from __future__ import annotations

import json
import re

import pytest
from fhir.resources.questionnaire import Questionnaire
from fhir.resources.questionnaireresponse import QuestionnaireResponse
from fhir.resources.R4B.questionnaire import Questionnaire as QuestionnaireR4B
from fhir.resources.R4B.questionnaireresponse import (
    QuestionnaireResponse as QuestionnaireResponseR4B,
)

from assistant.errors import ExportError
from assistant.interview import InterviewService
from assistant.interview.exports.conformance import check_response
from assistant.interview.exports.questionnaire import questionnaire
from assistant.interview.template import quick_pick_code
from tests.interview.conftest import ALICE, EPISODE_ONE, answer_episode

PLAN = {"coping_1": "leave", "confidence_1": "60", "coping_2": "call someone", "supports": "sister"}
RESOURCES = {
    "R5": (Questionnaire, QuestionnaireResponse),
    "R4B": (QuestionnaireR4B, QuestionnaireResponseR4B),
}


@pytest.fixture
def session_id(interviews: InterviewService) -> str:
    """Two episodes and part of the plan, finished."""
    sid = interviews.start(ALICE, "Pt-A").session_id
    answer_episode(interviews, sid, EPISODE_ONE)
    interviews.add_episode(ALICE, sid)
    second = {"before_craving": "Sunday, bored and lonely at home", "craving_strength": "5"}
    answer_episode(interviews, sid, second, episode=2)
    for question_id, text in PLAN.items():
        interviews.answer(ALICE, sid, question_id, text)
    interviews.finish(ALICE, sid)
    return sid


def test_export_json_has_the_shape_the_issue_fixes(
    interviews: InterviewService, session_id: str
) -> None:
    export = interviews.export(ALICE, session_id, "json")
    assert export.mime == "application/json" and export.filename.endswith(".json")
    doc = json.loads(export.content)
    assert {"session_id", "label", "answers", "cues", "sequence", "citations"} <= set(doc)
    assert (doc["session_id"], doc["label"]) == (session_id, "Pt-A")

    answered = len(EPISODE_ONE) + 2 + len(PLAN)
    assert len(doc["answers"]) == answered
    assert all({"question_id", "question", "answer"} <= set(a) for a in doc["answers"])
    first = doc["answers"][0]
    assert (first["question_id"], first["answer"], first["episode"]) == (
        "before_craving",
        EPISODE_ONE["before_craving"],
        1,
    )
    coping = next(a for a in doc["answers"] if a["question_id"] == "coping_1")
    assert "“lonely” (main trigger 1)" in coping["question"] and coping["episode"] is None

    assert all({"category", "kind", "text", "question_id"} <= set(c) for c in doc["cues"])
    cue_map = interviews.cue_map(ALICE, session_id)
    assert [c["text"] for c in doc["cues"]] == [c.text for c in cue_map.cues]
    assert [s["stage"] for s in doc["sequence"]][:3] == ["cue", "prediction", "craving"]
    assert [c["n"] for c in doc["citations"]] == list(range(1, len(doc["citations"]) + 1))
    assert doc["citations"] and all(c["thread"] and c["post"] for c in doc["citations"])


def test_export_markdown_note_puts_top_triggers_first_then_map_plan_sources(
    interviews: InterviewService, session_id: str
) -> None:
    export = interviews.export(ALICE, session_id, "markdown")
    note = export.content
    assert export.mime == "text/markdown" and export.filename.endswith(".md")
    headings = re.findall(r"^## (.+)$", note, flags=re.MULTILINE)
    order = [headings.index(h) for h in ("Top triggers", "Cue map", "Plan", "Sources")]
    assert order == sorted(order) and order[0] == 0

    top = note.split("## Top triggers\n\n")[1].split("\n\n")[0].splitlines()
    expected = [c.text for c in interviews.cue_map(ALICE, session_id).top_triggers]
    assert [re.match(r"\d\. \*\*(.+?)\*\*", line).group(1) for line in top] == expected
    assert "- **Trigger 1: lonely:** leave, confidence 60%" in note
    assert re.search(r"^- \[1\] “The drug may start the addiction\.”", note, flags=re.MULTILINE)


def test_export_markdown_shows_patient_text_as_text(interviews: InterviewService) -> None:
    sid = interviews.start(ALICE, "Pt-<b>").session_id
    interviews.answer(ALICE, sid, "where", "<!channel> *the* [pub](x) #1")  # no URL: PHI
    note = interviews.export(ALICE, sid, "markdown").content
    assert r"- Place: \<!channel\> \*the\* \[pub\](x) \#1" in note
    assert "<!channel>" not in note and "[pub](" not in note
    assert r"# Cue map: Pt-\<b\>" in note


@pytest.mark.parametrize("version", ["R5", "R4B"])
def test_export_fhir_response_validates_and_conforms_to_the_questionnaire(
    interviews: InterviewService, session_id: str, version: str
) -> None:
    export = interviews.export(ALICE, session_id, "fhir", fhir_version=version)
    assert export.mime == "application/fhir+json"
    assert export.filename.endswith(f"-questionnaire-response-{version.lower()}.json")
    doc = json.loads(export.content)
    RESOURCES[version][1].model_validate(doc)
    assert check_response(questionnaire(interviews.template, version), doc) == []

    assert doc["questionnaire"] == f"{interviews.template.url}|{interviews.template.version}"
    assert doc["subject"] == {"display": "Pt-A"}
    groups = [g["linkId"] for g in doc["item"]]
    assert groups == ["episode", "episode", "plan"]
    first = {i["linkId"]: i["answer"][0] for i in doc["item"][0]["item"]}
    assert first["craving_strength"] == {"valueInteger": 8}
    assert first["used"]["valueCoding"]["code"] == "used"
    assert first["where"] == {"valueString": "the pub"}
    plan = {i["linkId"]: i["answer"][0] for i in doc["item"][2]["item"]}
    assert plan["coping_1"]["valueCoding"] == {
        "system": interviews.template.code_system,
        "code": "leave",
        "display": "leave",
    }


def test_export_fhir_status_is_completed_only_with_every_required_answer(
    interviews: InterviewService, session_id: str
) -> None:
    # Episode 2 skipped its required questions (where, who, ...): not complete.
    doc = json.loads(interviews.export(ALICE, session_id, "fhir").content)
    assert doc["status"] == "in-progress"

    sid = interviews.start(ALICE, "Pt-B").session_id
    answer_episode(interviews, sid, EPISODE_ONE)
    assert json.loads(interviews.export(ALICE, sid, "fhir").content)["status"] == "in-progress"
    interviews.finish(ALICE, sid)
    assert json.loads(interviews.export(ALICE, sid, "fhir").content)["status"] == "completed"


@pytest.mark.parametrize("version", ["R5", "R4B"])
def test_questionnaire_publishes_the_template(interviews: InterviewService, version: str) -> None:
    published = interviews.questionnaire(version)
    doc = json.loads(published.content)
    RESOURCES[version][0].model_validate(doc)
    template = interviews.template
    assert doc["url"] == template.url and doc["version"] == template.version
    episode, plan = doc["item"]
    assert (episode["linkId"], episode["repeats"], plan["linkId"]) == ("episode", True, "plan")
    link_ids = [i["linkId"] for group in doc["item"] for i in group["item"]]
    assert link_ids == [q.id for q in template.questions]

    items = {i["linkId"]: i for group in doc["item"] for i in group["item"]}
    feeling = items["feeling"]
    assert [o["valueCoding"]["code"] for o in feeling["answerOption"]] == [
        quick_pick_code(p) for p in template.question("feeling").quick_picks
    ]
    assert feeling["required"] is True
    open_type = {"R5": "coding", "R4B": "open-choice"}[version]
    closed_type = {"R5": "coding", "R4B": "choice"}[version]
    assert (feeling["type"], items["used"]["type"]) == (open_type, closed_type)
    if version == "R5":
        assert feeling["answerConstraint"] == "optionsOrString"
        assert items["used"]["answerConstraint"] == "optionsOnly"
    craving = items["craving_strength"]
    assert craving["type"] == "integer"
    assert [e["valueInteger"] for e in craving["extension"]] == [0, 10]
    assert items["confidence_1"]["text"].endswith("when main trigger 1 shows up?")


def test_export_refuses_unknown_formats(interviews: InterviewService, session_id: str) -> None:
    with pytest.raises(ExportError, match="Unknown export format 'pdf'"):
        interviews.export(ALICE, session_id, "pdf")
    with pytest.raises(ExportError, match="use R5 or R4B"):
        interviews.export(ALICE, session_id, "fhir", fhir_version="STU3")
