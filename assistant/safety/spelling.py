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
from functools import lru_cache

WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
RARE = 3.0  # wordfreq Zipf below which a word may be a misspelling ("kil" 2.5, "tonite" 2.3)
COMMON = 2.5  # ... and from which a vocabulary word may replace one ("kill", "tablets")
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
        return WORD.sub(lambda m: self._word(m.group(0)), text)

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
