"""Text helpers shared by the detector and negation: same-length normalising, sentences."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

# Each replacement is one character for one, so offsets in the normalised text are offsets in
# the original: curly quotes and primes become ', dashes become -, odd spaces become a space.
_SAME_LENGTH = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u02bc\u00b4\u0060\u2032", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        **dict.fromkeys("\u00a0\u2007\u202f\u2009\u200a\u3000\t\x0b\x0c", " "),
    }
)
_SENTENCE_BREAK = re.compile(r"[.!?;\n\r\u2028\u2029]+")


def normalise(text: str) -> str:
    return text.translate(_SAME_LENGTH)


class Sentences:
    """Where each sentence (or line, or clause after ';') of a text begins and ends."""

    def __init__(self, text: str) -> None:
        breaks = [m.span() for m in _SENTENCE_BREAK.finditer(text)]
        self._break_starts = [start for start, _ in breaks]
        self._break_ends = [end for _, end in breaks]
        self._length = len(text)

    def around(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the sentence holding text[start:end] (widened if it crosses a break)."""
        before = bisect_right(self._break_ends, start) - 1
        lo = self._break_ends[before] if before >= 0 else 0
        after = bisect_left(self._break_starts, end)
        hi = self._break_starts[after] if after < len(self._break_starts) else self._length
        return min(lo, start), max(hi, end)
