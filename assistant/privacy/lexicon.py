"""Multilingual first and last names, and how common a word is in English.

The name lists (about 119,000 first and 107,000 last names from 105 countries) are the most
common names of each country in the names-dataset package, built by
`scripts/build_name_lists.py` and shipped in `assistant/privacy/data/`. They hold ordinary
words too ("will", "red", "crystal"), so a listed word counts as a name only with the English
frequency from wordfreq (Zipf scale: 6 is "will", 3 is "rossi", 2 is "tomasz") and context.
"""

from __future__ import annotations

import gzip
import re
from functools import cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data"
_PARTS = re.compile(r"['’-]")


@cache
def _names(kind: str) -> frozenset[str]:
    text = gzip.decompress((_DATA / f"{kind}_names.txt.gz").read_bytes()).decode("utf-8")
    return frozenset(text.split())


def listed(word: str) -> bool:
    """A first or last name somewhere: the word, or each part of "O'Brien", "al-Rashid"."""
    lower = word.lower()
    first, last = _names("first"), _names("last")
    if lower in first or lower in last:
        return True
    parts = [p for p in _PARTS.split(lower) if len(p) > 1]
    return len(parts) > 1 and any(p in first or p in last for p in parts)


@cache
def zipf(word: str) -> float:
    """How common the word is in English text (0 when unknown)."""
    from wordfreq import zipf_frequency  # imported on first use: 1 s kept off every start-up

    return zipf_frequency(word.lower(), "en")


def warm_up() -> None:
    _names("first"), _names("last"), zipf("the")
