"""The cue lexicon (`prompts/cue_lexicon.yaml`) and the whole-word matcher that applies it."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from assistant.errors import TemplateError
from assistant.interview.models import CueCategory
from assistant.prompt_files import load_prompt_file

LEXICON_FILE = "cue_lexicon.yaml"
TOKEN = re.compile(r"[a-z0-9&]+(?:['-][a-z0-9]+)*")
CLAUSE_PUNCTUATION = re.compile(r"[,.;:!?()\n]")
NEGATION_REACH = 3  # tokens before a phrase that a negation can reach


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Entry(Strict):
    cue: str | None = None
    words: list[str] = []
    patterns: list[str] = []
    situations: list[str] = []

    @model_validator(mode="after")
    def _has_something_to_match(self) -> Entry:
        if not self.words and not self.patterns:
            raise ValueError("an entry needs words or patterns")
        for pattern in self.patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"pattern {pattern!r} is not a valid regex: {exc}") from exc
        return self

    @property
    def name(self) -> str:
        return self.cue or (self.words or self.patterns)[0]


class CategoryLexicon(Strict):
    situations: list[str] = Field(default=[], description="IDTS tags for entries without their own")
    merge_adjacent: bool = False
    entries: list[Entry] = Field(min_length=1)

    @field_validator("entries", mode="before")
    @classmethod
    def _bare_phrases(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [{"words": [item]} if isinstance(item, str) else item for item in value]
        return value


class Fallback(Strict):
    min_similarity: float = Field(default=0.6, gt=0, le=1)
    min_similarity_one_word: float = Field(
        default=0.75, gt=0, le=1, description="a lone word is judged on its surface: a higher bar"
    )
    max_words: int = Field(default=6, ge=1)


class Lexicon(Strict):
    version: int
    negations: list[str] = []
    clause_breaks: list[str] = []
    filler: list[str] = []
    non_answers: list[str] = []
    fallback: Fallback = Fallback()
    categories: dict[CueCategory, CategoryLexicon]

    def unknown_situations(self, known: set[str]) -> list[str]:
        problems = []
        for category, lexicon in self.categories.items():
            problems += [
                f"categories.{category}.situations: unknown situation {tag!r}"
                for tag in lexicon.situations
                if tag not in known
            ]
            for entry in lexicon.entries:
                problems += [
                    f"categories.{category}.entries[{entry.name}].situations: "
                    f"unknown situation {tag!r}"
                    for tag in entry.situations
                    if tag not in known
                ]
        return problems


def load_lexicon(prompts_dir: Path, situations: set[str]) -> Lexicon:
    """Load the lexicon; its IDTS tags must be the ones the interview template declares."""
    path = prompts_dir / LEXICON_FILE
    lexicon = load_prompt_file(path, Lexicon, TemplateError)
    problems = lexicon.unknown_situations(situations)
    if problems:
        raise TemplateError(f"{path}: " + "; ".join(problems))
    return lexicon


@dataclass(frozen=True)
class Match:
    category: str
    text: str  # the cue as the lexicon names it
    start: int
    end: int
    situations: tuple[str, ...]
    negated: bool = False


@dataclass(frozen=True)
class _Rule:
    regex: re.Pattern[str]
    category: str
    cue: str | None  # None: the cue is the matched text (patterns without a cue)
    situations: tuple[str, ...]


def normalise(text: str) -> str:
    """Lower case with straight apostrophes; the same length, so spans stay valid."""
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


def phrase_regex(phrase: str) -> re.Pattern[str]:
    words = [re.escape(word) for word in normalise(phrase).split()]
    return re.compile(r"(?<![\w'])" + r"\s+".join(words) + r"(?:e?s)?(?![\w'])")


class Matcher:
    """Finds lexicon phrases in an answer: longest first, whole words, negations respected."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._negations = {normalise(word) for word in lexicon.negations}
        self._breaks = {normalise(word) for word in lexicon.clause_breaks}
        self._rules = [rule for cat, lex in lexicon.categories.items() for rule in _rules(cat, lex)]

    def find(self, text: str) -> list[Match]:
        """Every phrase found, in order; negated ones flagged (they are not cues)."""
        lowered = normalise(text)
        candidates = [
            Match(rule.category, rule.cue or m.group(0), m.start(), m.end(), rule.situations)
            for rule in self._rules
            for m in rule.regex.finditer(lowered)
        ]
        kept = [
            replace(m, negated=self._negated(lowered, m.start))
            for m in _longest_without_overlap(candidates)
        ]
        return self._merge_adjacent(lowered, kept)

    def is_negation(self, token: str) -> bool:
        return token in self._negations or token.endswith("n't")

    def _negated(self, lowered: str, start: int) -> bool:
        before = CLAUSE_PUNCTUATION.split(lowered[:start])[-1]
        tokens: list[str] = []
        for token in reversed(TOKEN.findall(before)):
            if token in self._breaks or len(tokens) == NEGATION_REACH:
                break
            tokens.append(token)
        return any(self.is_negation(t) for t in tokens)

    def _merge_adjacent(self, lowered: str, matches: list[Match]) -> list[Match]:
        merging = {c for c, lex in self.lexicon.categories.items() if lex.merge_adjacent}
        merged: list[Match] = []
        for match in matches:
            previous = merged[-1] if merged else None
            if (
                previous is not None
                and match.category == previous.category
                and match.category in merging
                and not match.negated
                and not previous.negated
                and not lowered[previous.end : match.start].strip()
            ):
                tags = tuple(dict.fromkeys(previous.situations + match.situations))
                merged[-1] = Match(
                    match.category,
                    f"{previous.text} {match.text}",
                    previous.start,
                    match.end,
                    tags,
                )
            else:
                merged.append(match)
        return merged


def _rules(category: str, lexicon: CategoryLexicon) -> list[_Rule]:
    rules = []
    for entry in lexicon.entries:
        tags = tuple(entry.situations or lexicon.situations)
        rules += [
            _Rule(phrase_regex(word), category, entry.cue or normalise(word), tags)
            for word in entry.words
        ]
        rules += [
            _Rule(re.compile(pattern, re.IGNORECASE), category, None, tags)
            for pattern in entry.patterns
        ]
    return rules


def _longest_without_overlap(candidates: list[Match]) -> list[Match]:
    kept: list[Match] = []
    for match in sorted(candidates, key=lambda m: (m.start - m.end, m.start)):
        if all(match.end <= k.start or match.start >= k.end for k in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start)
