"""Person names in free text, by heuristics that keep false positives low on clinical text.

A name is one to three adjacent capitalised words, none of them an ordinary capitalised word
(days, places, services, medicines, brands), found
- after a title: "Dr Patel", "Mrs O'Brien";
- after a cue: "my name is", "patient", "called", "her boyfriend", "my sponsor";
- starting with a known first name: "Dave", "Sarah Thompson";
- as a pair of capitalised words inside a sentence, not after "the"/"a" and not in a sentence
  written in title case: "went drinking with Zed Okafor".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from assistant.privacy.wordlists import (
    CAPITALISED_WORDS,
    FIRST_NAMES,
    FUNCTION_WORDS,
    PLACE_OR_TITLE_BEFORE,
    RELATION_WORDS,
    TITLES,
)

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_NAME_WORD = re.compile(
    rf"(?<![\w'-])(?:[A-Z]'|Ma?c)?[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?(?![\w])"
)
_ADJACENT = re.compile(r"[ \t]{1,3}")
_AFTER_TITLE = re.compile(r"\.?[ \t]{1,3}")
_CUE = re.compile(
    r"""\b(?:(?:my|his|her|their|your|the)\s+name(?:'s|\s+is|\s+was)|name\s*[:=]|named|called
        |goes\s+by|known\s+as|patient|pt\.?|client|service\s+user|resident
        |(?:my|his|her|their|your|our)\s+(?:key|support|social|case)\s+worker
        |(?:my|his|her|their|your|our)\s+(?:probation\s+officer|care\s+co-?ordinator|nurse)
        |(?:my|his|her|their|your|our)\s+(?:"""
    + "|".join(sorted(RELATION_WORDS))
    + r"""))
        \s*,?\s*(?=(?-i:[A-Z]))""",
    re.IGNORECASE | re.VERBOSE,
)
_SENTENCE = re.compile(r"[^.!?;:\n\r]+")
_SENTENCE_START_CHARS = set(".!?:;\n\r\"“'‘(*•-–—>#")
_MAX_WORDS = 3


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    word: str

    @property
    def ordinary(self) -> bool:
        word = self.word
        return word in CAPITALISED_WORDS or (
            len(word) > 4 and word.endswith("s") and word[:-1] in CAPITALISED_WORDS
        )

    @property
    def function_word(self) -> bool:
        return self.word in FUNCTION_WORDS or self.word in TITLES


def find_names(text: str) -> list[tuple[int, int]]:
    """Spans of likely person names, in order, not overlapping."""
    tokens = [_Token(m.start(), m.end(), m.group()) for m in _NAME_WORD.finditer(text)]
    if not tokens:
        return []
    starts = [token.start for token in tokens]
    titled = _after_titles(text, tokens)
    picked = set(titled)  # indexes of tokens that begin a name
    picked |= _after_cues(text, starts)
    picked |= _first_names(text, tokens)
    picked |= _inner_pairs(text, tokens)
    return _extend(text, tokens, sorted(picked), titled)


def _after_titles(text: str, tokens: list[_Token]) -> set[int]:
    return {
        i + 1
        for i, token in enumerate(tokens[:-1])
        if token.word in TITLES and _joined(_AFTER_TITLE, text, token.end, tokens[i + 1].start)
    }


def _after_cues(text: str, starts: list[int]) -> set[int]:
    picked = set()
    for match in _CUE.finditer(text):
        i = bisect_right(starts, match.end()) - 1
        if i >= 0 and starts[i] == match.end():
            picked.add(i)
    return picked


def _first_names(text: str, tokens: list[_Token]) -> set[int]:
    """Known first names, except inside a longer proper noun ("Jack Daniel's", "St Mary's")."""
    return {
        i
        for i, token in enumerate(tokens)
        if token.word in FIRST_NAMES and not _inside_proper_noun(text, tokens, i)
    }


def _inside_proper_noun(text: str, tokens: list[_Token], i: int) -> bool:
    before = tokens[i - 1] if i > 0 else None
    if not (
        before is not None
        and before.ordinary
        and before.word not in TITLES
        and _joined(_ADJACENT, text, before.end, tokens[i].start)
    ):
        return False
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    followed_by_capital = after is not None and _joined(_ADJACENT, text, tokens[i].end, after.start)
    return text.startswith(("'s", "’s"), tokens[i].end) or followed_by_capital


def _inner_pairs(text: str, tokens: list[_Token]) -> set[int]:
    title_case = _TitleCaseSentences(text)
    return {
        i
        for i, (first, second) in enumerate(zip(tokens, tokens[1:], strict=False))
        if _joined(_ADJACENT, text, first.end, second.start)
        and not (first.ordinary or second.ordinary)
        and not _sentence_start(text, first.start)
        and _word_before(text, first.start) not in PLACE_OR_TITLE_BEFORE
        and not title_case.at(first.start)
    }


def _extend(
    text: str, tokens: list[_Token], picked: list[int], titled: set[int]
) -> list[tuple[int, int]]:
    """From each picked token, take it and up to two adjacent name words after it.

    After a title any capitalised word but a function word is a name ("Dr Green"); elsewhere
    ordinary capitalised words are not.
    """

    def name_word(token: _Token, after_title: bool) -> bool:
        return not token.function_word if after_title else not token.ordinary

    spans: list[tuple[int, int]] = []
    for i in picked:
        after_title = i in titled
        if not name_word(tokens[i], after_title) or (spans and tokens[i].start < spans[-1][1]):
            continue
        j = i
        while (
            j + 1 < len(tokens)
            and j + 1 - i < _MAX_WORDS
            and name_word(tokens[j + 1], after_title)
            and _joined(_ADJACENT, text, tokens[j].end, tokens[j + 1].start)
        ):
            j += 1
        spans.append((tokens[i].start, tokens[j].end))
    return spans


def _joined(gap: re.Pattern[str], text: str, end: int, start: int) -> bool:
    return gap.fullmatch(text, end, start) is not None


def _sentence_start(text: str, position: int) -> bool:
    before = text[max(0, position - 8) : position].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_START_CHARS


def _word_before(text: str, position: int) -> str:
    words = text[max(0, position - 12) : position].split()
    return words[-1].lower() if words else ""


class _TitleCaseSentences:
    """Sentences where most words are capitalised (headings, titles): no pair rule there."""

    def __init__(self, text: str) -> None:
        self._spans: list[tuple[int, int]] = []
        for match in _SENTENCE.finditer(text):
            words = [w for w in match.group().split() if w[:1].isalpha()]
            capitalised = sum(1 for w in words if w[:1].isupper())
            if len(words) >= 4 and capitalised >= 0.6 * len(words):
                self._spans.append(match.span())
        self._starts = [start for start, _ in self._spans]

    def at(self, position: int) -> bool:
        i = bisect_right(self._starts, position) - 1
        return i >= 0 and position < self._spans[i][1]
