"""The conformance check finds what fhir.resources lets through: a response that does not fit
its questionnaire."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from fhir.resources.questionnaireresponse import QuestionnaireResponse

from assistant.interview import InterviewService
from assistant.interview.exports.conformance import check_response
from assistant.interview.exports.questionnaire import questionnaire
from assistant.settings import Settings
from tests.interview.conftest import ALICE, EPISODE_ONE, answer_episode

Doc = dict[str, Any]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Doc, Doc]:
    """The Questionnaire and a finished session's QuestionnaireResponse (R5), made once."""
    data_dir = tmp_path_factory.mktemp("conformance")
    interviews = InterviewService.from_settings(Settings(_env_file=None, data_dir=data_dir))
    sid = interviews.start(ALICE, "Pt-F").session_id
    answer_episode(interviews, sid, EPISODE_ONE)
    interviews.answer(ALICE, sid, "coping_1", "urge-surf")
    interviews.finish(ALICE, sid)
    response = json.loads(interviews.export(ALICE, sid, "fhir").content)
    return questionnaire(interviews.template, "R5"), response


@pytest.fixture
def pair(exported: tuple[Doc, Doc]) -> tuple[Doc, Doc]:
    """A copy each test may break."""
    return copy.deepcopy(exported)


def episode_item(response: Doc, link_id: str) -> Doc:
    return next(i for i in response["item"][0]["item"] if i["linkId"] == link_id)


def drop(response: Doc, link_id: str) -> None:
    items = response["item"][0]["item"]
    items.remove(episode_item(response, link_id))


CASES: list[tuple[str, Callable[[Doc], None], str]] = [
    (
        "unknown linkId",
        lambda r: episode_item(r, "where").update(linkId="whereabouts"),
        "item[episode].item[whereabouts]: no item with this linkId in the questionnaire here",
    ),
    (
        "question outside its group",
        lambda r: r["item"].append({"linkId": "where", "answer": [{"valueString": "pub"}]}),
        "item[where]: no item with this linkId in the questionnaire here",
    ),
    (
        "string for an integer",
        lambda r: episode_item(r, "craving_strength").update(answer=[{"valueString": "8"}]),
        "item[episode].item[craving_strength].answer[0]: valueString given where the item type "
        "'integer' needs valueInteger",
    ),
    (
        "out of range",
        lambda r: episode_item(r, "craving_strength").update(answer=[{"valueInteger": 12}]),
        "item[episode].item[craving_strength].answer[0]: above the item's maxValue 10",
    ),
    (
        "code not offered",
        lambda r: episode_item(r, "used").update(
            answer=[{"valueCoding": {"system": "urn:x", "code": "sometimes"}}]
        ),
        "item[episode].item[used].answer[0]: the coding is not one of the item's answer options",
    ),
    (
        "free text for a closed choice",
        lambda r: episode_item(r, "used").update(answer=[{"valueString": "sometimes"}]),
        "item[episode].item[used].answer[0]: valueString given where answer options need "
        "valueCoding",
    ),
    (
        "two answers to one question",
        lambda r: episode_item(r, "where")["answer"].append({"valueString": "home"}),
        "item[episode].item[where]: several answers to a question that does not repeat",
    ),
    (
        "required item missing",
        lambda r: drop(r, "body"),
        "item[episode].item[body]: required but missing from a completed response",
    ),
    (
        "plan group twice",
        lambda r: r["item"].append(copy.deepcopy(r["item"][-1])),
        "item[plan]: appears more than once but does not repeat",
    ),
    (
        "out of order",
        lambda r: r["item"][0]["item"].reverse(),
        "out of the questionnaire's order",
    ),
    (
        "answer on a group",
        lambda r: r["item"][0].update(answer=[{"valueString": "x"}]),
        "item[episode]: a group item cannot have answers",
    ),
    (
        "question without answer",
        lambda r: episode_item(r, "who").pop("answer"),
        "item[episode].item[who]: a question item needs an answer",
    ),
    (
        "another questionnaire",
        lambda r: r.update(questionnaire="https://elsewhere.example/Questionnaire/phq-9"),
        "questionnaire: the response names another questionnaire",
    ),
    (
        "made-up status",
        lambda r: r.update(status="done"),
        "status: 'done' is not a QuestionnaireResponse status",
    ),
]


def test_conformance_a_real_export_conforms(pair: tuple[Doc, Doc]) -> None:
    assert check_response(*pair) == []


@pytest.mark.parametrize(("name", "break_it", "problem"), CASES, ids=[c[0] for c in CASES])
def test_conformance_finds_what_fhir_resources_lets_through(
    pair: tuple[Doc, Doc], name: str, break_it: Callable[[Doc], None], problem: str
) -> None:
    the_questionnaire, response = pair
    break_it(response)
    problems = check_response(the_questionnaire, response)
    assert any(problem in p for p in problems), problems
    if name not in ("answer on a group", "question without answer", "two answers to one question"):
        QuestionnaireResponse.model_validate(response)  # structurally valid FHIR all the same


def test_conformance_required_items_only_bind_a_completed_response(pair: tuple[Doc, Doc]) -> None:
    the_questionnaire, response = pair
    drop(response, "body")
    response["status"] = "in-progress"
    assert check_response(the_questionnaire, response) == []
