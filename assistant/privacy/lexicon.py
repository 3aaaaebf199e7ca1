"""Multilingual first and last names, and how common a word is in English.

The name lists (the words of about 119,000 first and 107,000 last names from 105 countries)
are the most common names of each country in the names-dataset package, built by
`scripts/build_name_lists.py` and shipped in `assistant/privacy/data/`, one word a line,
sorted: a word is looked up by bisection in that text (about 2 MB a list held, where a
frozenset of its words took 10 MB). They hold ordinary
words too ("will", "red", "crystal"), so a listed word counts as a name only with the English
frequency from wordfreq (Zipf scale: 6 is "will", 3 is "rossi", 2 is "tomasz") and context.
"""

from __future__ import annotations

import gzip
import re
from array import array
from bisect import bisect_left
from functools import cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data"
_PARTS = re.compile(r"['’-]")
_LINE_END = re.compile("\n")


class SortedWords:
    """Words, unique and sorted one a line, held as that text and where each line starts."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts = array("I", [0])
        self._starts.extend(m.end() for m in _LINE_END.finditer(text))

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, i: int) -> str:
        return self._text[self._starts[i] : self._starts[i + 1] - 1]

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        i = bisect_left(self, word)
        return i < len(self) and self[i] == word


@cache
def _names(kind: str) -> SortedWords:
    return SortedWords(gzip.decompress((_DATA / f"{kind}_names.txt.gz").read_bytes()).decode())


def listed(word: str) -> bool:
    """A first or last name somewhere: the word, a part of "al-Rashid", or the name after an
    elided "O'" or "D'" ("o'driscoll", "D'Angelo")."""
    lower = word.lower()
    first, last = _names("first"), _names("last")
    if lower in first or lower in last:
        return True
    if _ELIDED.match(lower):
        return lower[2:] in last or lower[2:] in first
    parts = [p for p in _PARTS.split(lower) if len(p) > 1]
    return len(parts) > 1 and any(p in first or p in last for p in parts)


_ELIDED = re.compile(r"[od]['’]\w{3,}$")


def given(word: str) -> bool:
    """A first name somewhere ("Grace", "Will"), not only a family name ("Park")."""
    return word.lower() in _names("first")


@cache
def zipf(word: str) -> float:
    """How common the word is in English text (0 when unknown)."""
    from assistant.word_frequency import zipf as english_zipf  # wordfreq: on first use

    return english_zipf(word.lower())


def warm_up() -> None:
    _names("first"), _names("last"), zipf("the")
