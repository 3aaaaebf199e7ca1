"""Misspelt crisis words read as meant: "suicde", "kil myself", "tablits", "overdoes".

Typed in a hurry, on a phone or in a second language, the words that matter are often misspelt,
and no phrase of the lexicon matches them. A word that is rare in English (wordfreq's Zipf
scale, word_frequency.py) and within one edit (Damerau-Levenshtein, transpositions included,
from `rapidfuzz`; two for words of seven letters or more) of a word of the crisis vocabulary,
with the same first letter, is read as that word. The vocabulary is every word the phrases and
examples spell out, so correction can only move a text towards the lexicon, never invent a term
of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
RARE = 3.0  # wordfreq Zipf below which a word may be a misspelling ("kil" 2.5, "tonite" 2.3)
COMMON = 2.5  # ... and from which a vocabulary word may replace one ("kill", "tablets")
NO_WORD = 2.0  # Zipf below which a word is no English word at all ("tablits"; "skint" is 2.4)
SHORTEST = 3


class Speller:
    def __init__(self, vocabulary: Iterable[str]) -> None:
        self._vocabulary = frozenset(w for w in vocabulary if len(w) >= SHORTEST)
        self._by_initial: dict[str, list[str]] = {}
        for word in sorted(self._vocabulary):  # only real words: never a stem such as "stockpil"
            if _zipf(word) >= COMMON:
                self._by_initial.setdefault(word[0], []).append(word)

    def fix(self, text: str) -> str:
        """`text` with each rare word near a vocabulary word replaced by it (in lower case;
        other words, and their case, as they were: "SI" stays "SI")."""
        return apply(text, self.corrections(text))

    def corrections(self, text: str) -> list[Correction]:
        """Each rare word near a vocabulary word, with what it is read as. A word in capitals
        in a text that is not shouting is an acronym ("GGT or CDT"), never a misspelling."""
        letters = [c for c in text if c.isalpha()]
        shouting = sum(c.isupper() for c in letters) > 0.6 * len(letters)
        found = []
        for m in WORD.finditer(text):
            typed = m.group(0)
            if typed.isupper() and not shouting:
                continue
            meant = self._word(typed)
            if meant != typed:
                found.append(Correction(m.start(), m.end(), meant))
        return found

    def _word(self, typed: str) -> str:
        word = typed.lower()
        if (
            len(word) < SHORTEST
            or "'" in word  # "wasn't", "mum's": not this speller's to change
            or word in self._vocabulary
            or _zipf(word) >= RARE
        ):
            return typed
        from rapidfuzz.distance import DamerauLevenshtein

        reach = 2 if len(word) >= 7 else 1
        best, distance = typed, reach + 1
        for candidate in self._by_initial.get(word[0], []):
            if abs(len(candidate) - len(word)) > reach:
                continue
            d = DamerauLevenshtein.distance(word, candidate, score_cutoff=reach)
            if d < distance:
                best, distance = candidate, d
        return best if distance <= reach else typed


@dataclass(frozen=True)
class Correction:
    start: int
    end: int
    meant: str


def not_a_word(typed: str) -> bool:
    return _zipf(typed.lower()) < NO_WORD


def apply(text: str, corrections: Iterable[Correction]) -> str:
    """`text` with the corrections made (given in text order)."""
    pieces, at = [], 0
    for c in corrections:
        pieces += [text[at : c.start], c.meant]
        at = c.end
    return "".join([*pieces, text[at:]])


@lru_cache(maxsize=8192)
def _zipf(word: str) -> float:
    from assistant.word_frequency import zipf

    return zipf(word)


def vocabulary(patterns: Iterable[str], examples: Iterable[str]) -> set[str]:
    """The words the crisis phrases and examples spell out (letters only, 3 or more)."""
    words: set[str] = set()
    for pattern in patterns:
        literal = re.sub(r"\\[a-zA-Z]|\(\?[^)]*\)|\{[^}]*\}", " ", pattern)  # \b, (?-i:), {2}
        words |= set(WORD.findall(literal.lower()))
    for example in examples:
        words |= set(WORD.findall(example.lower()))
    return words
