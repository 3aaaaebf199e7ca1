"""Does a QuestionnaireResponse conform to its Questionnaire? fhir.resources does not check this.

Checked, for R5 and R4B alike: the response names the questionnaire; its status is a valid code;
every linkId exists at that place in the questionnaire, in the questionnaire's order; a question
appears once and a group more than once only when it repeats; groups hold items and no answers;
questions hold answers (more than one only when they repeat) of the type the item declares, from
its answer options where the options are closed, within minValue/maxValue and maxLength; and,
when the status is "completed", every required item is present. Not checked: enableWhen (the
interview has no conditional items) and answerValueSet expansions.
"""

from __future__ import annotations

from typing import Any

from assistant.interview.exports.fhir_common import MAX_VALUE, MIN_VALUE

STATUSES = {"in-progress", "completed", "amended", "entered-in-error", "stopped"}
VALUE_OF_TYPE = {
    "string": "valueString",
    "text": "valueString",
    "integer": "valueInteger",
    "decimal": "valueDecimal",
    "boolean": "valueBoolean",
    "date": "valueDate",
    "dateTime": "valueDateTime",
    "time": "valueTime",
    "url": "valueUri",
    "attachment": "valueAttachment",
    "reference": "valueReference",
    "quantity": "valueQuantity",
}
CODED = {"coding", "choice", "open-choice"}

Item = dict[str, Any]


def check_response(questionnaire: dict[str, Any], response: dict[str, Any]) -> list[str]:
    """Every way `response` fails to conform to `questionnaire`; empty when it conforms."""
    problems = []
    if questionnaire.get("resourceType") != "Questionnaire":
        problems.append("questionnaire: not a Questionnaire resource")
    if response.get("resourceType") != "QuestionnaireResponse":
        problems.append("response: not a QuestionnaireResponse resource")
    wanted = {
        questionnaire.get("url"),
        f"{questionnaire.get('url')}|{questionnaire.get('version')}",
    }
    if response.get("questionnaire") not in wanted:
        problems.append("questionnaire: the response names another questionnaire")
    status = response.get("status")
    if status not in STATUSES:
        problems.append(f"status: {status!r} is not a QuestionnaireResponse status")
    completed = status == "completed"
    problems += _items(questionnaire.get("item", []), response.get("item", []), "item", completed)
    return problems


def _items(defs: list[Item], items: list[Item], path: str, completed: bool) -> list[str]:
    by_link = {d["linkId"]: (n, d) for n, d in enumerate(defs)}
    problems: list[str] = []
    seen: dict[str, int] = {}
    last = -1
    for item in items:
        link = str(item.get("linkId"))
        here = f"{path}[{link}]"
        if link not in by_link:
            problems.append(f"{here}: no item with this linkId in the questionnaire here")
            continue
        order, definition = by_link[link]
        if order < last:
            problems.append(f"{here}: out of the questionnaire's order")
        last = order
        seen[link] = seen.get(link, 0) + 1
        if seen[link] == 2 and not (definition["type"] == "group" and definition.get("repeats")):
            problems.append(f"{here}: appears more than once but does not repeat")
        problems += _item(definition, item, here, completed)
    if completed:
        problems += [
            f"{path}[{d['linkId']}]: required but missing from a completed response"
            for d in defs
            if d.get("required") and d["linkId"] not in seen
        ]
    return problems


def _item(definition: Item, item: Item, path: str, completed: bool) -> list[str]:
    kind = definition["type"]
    if kind in ("group", "display"):
        problems = [f"{path}: a {kind} item cannot have answers"] if item.get("answer") else []
        if kind == "group":
            if not item.get("item"):
                problems.append(f"{path}: a group needs items")
            nested = (definition.get("item", []), item.get("item", []))
            problems += _items(*nested, f"{path}.item", completed)
        return problems
    answers = item.get("answer") or []
    if not answers:
        return [f"{path}: a question item needs an answer"]
    problems = []
    if len(answers) > 1 and not definition.get("repeats"):
        problems.append(f"{path}: several answers to a question that does not repeat")
    for n, answer in enumerate(answers):
        problems += _answer(definition, answer, f"{path}.answer[{n}]")
    return problems


def _answer(definition: Item, answer: Item, path: str) -> list[str]:
    values = [key for key in answer if key.startswith("value")]
    if len(values) != 1:
        return [f"{path}: needs exactly one value"]
    key = values[0]
    value = answer[key]
    if answer.get("item"):
        return [f"{path}: nested items under an answer the questionnaire does not define"]
    kind = definition["type"]
    if kind in CODED:
        return _coded(definition, key, value, path)
    expected = VALUE_OF_TYPE.get(kind)
    if expected is None:
        return [f"{path}: the questionnaire's item type {kind!r} is not supported"]
    if key != expected:
        return [f"{path}: {key} given where the item type {kind!r} needs {expected}"]
    return _limits(definition, value, path)


def _coded(definition: Item, key: str, value: Any, path: str) -> list[str]:
    open_text = definition["type"] == "open-choice" or (
        definition.get("answerConstraint") in ("optionsOrString", "optionsOrType")
    )
    if key == "valueString" and open_text:
        return []
    if key != "valueCoding":
        return [f"{path}: {key} given where answer options need valueCoding"]
    options = [o["valueCoding"] for o in definition.get("answerOption", []) if "valueCoding" in o]
    if options and not any(_same_coding(value, option) for option in options):
        return [f"{path}: the coding is not one of the item's answer options"]
    return []


def _same_coding(given: dict[str, Any], option: dict[str, Any]) -> bool:
    return given.get("system") == option.get("system") and given.get("code") == option.get("code")


def _limits(definition: Item, value: Any, path: str) -> list[str]:
    problems = []
    bounds = {ext["url"]: ext for ext in definition.get("extension", [])}
    low = bounds.get(MIN_VALUE, {}).get("valueInteger")
    high = bounds.get(MAX_VALUE, {}).get("valueInteger")
    if low is not None and isinstance(value, int | float) and value < low:
        problems.append(f"{path}: below the item's minValue {low}")
    if high is not None and isinstance(value, int | float) and value > high:
        problems.append(f"{path}: above the item's maxValue {high}")
    max_length = definition.get("maxLength")
    if max_length is not None and isinstance(value, str) and len(value) > max_length:
        problems.append(f"{path}: longer than the item's maxLength {max_length}")
    return problems
