"""Answers checked and normalised per question kind, and shown back the same way everywhere."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from assistant.errors import InvalidAnswerError
from assistant.interview.template import Question

MAX_ANSWER_CHARS = 2000
MAX_LABEL_CHARS = 60
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
PICK = re.compile(r"^\d{1,3}$")  # a suggestion's number, on every surface alike
# "7", "7.5", "7,5/10", "62.5%": a rating with a decimal point or comma is taken.
NUMBER = re.compile(r"^(\d{1,3}(?:[.,]\d{1,3})?)\s*(?:/\s*10|%|percent)?$")


def clean_text(text: str) -> str:
    """Control characters removed (PostgreSQL rejects NUL), outer whitespace trimmed."""
    return CONTROL.sub(" ", text).strip()


def clean_answer(question: Question, text: str) -> str:
    """The answer as stored: numbers as digits, quick picks as their label. Raises when unusable."""
    text = clean_text(text)
    if not text:
        raise InvalidAnswerError("An answer cannot be empty: skip the question instead.")
    if len(text) > MAX_ANSWER_CHARS:
        raise InvalidAnswerError(f"An answer can be at most {MAX_ANSWER_CHARS} characters.")
    if question.bounds:
        return str(_number(question, text))
    if question.kind == "choice":
        return _choice(question, text)
    if question.quick_picks and PICK.match(text):
        return _pick(question, int(text))
    return text


def clean_label(label: str) -> str:
    label = clean_text(label)
    if len(label) > MAX_LABEL_CHARS:
        raise InvalidAnswerError(f"A session label can be at most {MAX_LABEL_CHARS} characters.")
    return label


def display(question: Question, text: str) -> str:
    """'8/10' for a scale, '70%' for a percentage, the text otherwise."""
    if question.kind == "scale":
        return f"{text}/10"
    if question.kind == "percent":
        return f"{text}%"
    return text


def _number(question: Question, text: str) -> int:
    """A whole number, as the scales are recorded (FHIR integer, the chart, the cue map's
    ranking): a decimal rounds half up, so a patient's "7.5" is kept as 8 (the question says so)."""
    low, high = question.bounds or (0, 0)
    match = NUMBER.match(text.lower())
    value = _whole(match.group(1)) if match else None
    if value is None or not low <= value <= high:
        what = "a percentage" if question.kind == "percent" else "a number"
        raise InvalidAnswerError(f"{question.label} is {what} from {low} to {high}.")
    return value


def _whole(digits: str) -> int:
    return int(Decimal(digits.replace(",", ".")).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _pick(question: Question, number: int) -> str:
    if 1 <= number <= len(question.quick_picks):
        return question.quick_picks[number - 1]
    raise InvalidAnswerError(
        f"{number} is not one of the suggestions: {_numbered(question)}. "
        "Type the answer in words, or a number from the list."
    )


def _choice(question: Question, text: str) -> str:
    """A choice by its label, its number, or a synonym the template gives ("no", "relapsed")."""
    said = _plain(text)
    if PICK.match(said):
        return _pick(question, int(said))
    for pick in question.quick_picks:
        if _plain(pick) == said or said in (_plain(s) for s in question.synonyms.get(pick, [])):
            return pick
    raise InvalidAnswerError(f"{question.label}: choose one of {_numbered(question)}.")


def _numbered(question: Question) -> str:
    return ", ".join(f"{n} {pick}" for n, pick in enumerate(question.quick_picks, 1))


def _plain(text: str) -> str:
    """Lower case, straight apostrophes, no end punctuation or extra spaces."""
    text = text.lower().replace("\u2019", "'").strip(" .!")
    return " ".join(text.split())
