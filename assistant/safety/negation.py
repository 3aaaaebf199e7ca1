"""NegEx-style negation scope: is a crisis phrase negated by a cue in its own sentence?

A cue before the phrase ("denies", "no", "not") or after it ("SI: denied") negates it when at
most `window` words stand between them and no terminator ("but", "says", "however") does.
Pseudo-negations ("no longer denies", "can't stop") and cues inside a crisis phrase itself
("don't want to live") negate nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from assistant.safety.config import Negation

_WORD = re.compile(r"\w+")
REACH = 400  # characters between a cue and its phrase, at most


def union(patterns: list[str]) -> re.Pattern[str] | None:
    """One alternation of the patterns, case-insensitive; None for none."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def spans(pattern: re.Pattern[str] | None, text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    if pattern is None:
        return []
    return [m.span() for m in pattern.finditer(text, lo, hi) if m.end() > m.start()]


@dataclass(frozen=True)
class _CueGroup:
    window: int
    pattern: re.Pattern[str] | None


class NegationScope:
    def __init__(self, negation: Negation) -> None:
        self._before = [_CueGroup(g.window, union(g.cues)) for g in negation.before]
        self._after = [_CueGroup(g.window, union(g.cues)) for g in negation.after]
        self._pseudo = union(negation.pseudo)
        self._terminators = union(negation.terminators)

    def negated(
        self, text: str, sentence: tuple[int, int], phrases: list[tuple[int, int]]
    ) -> list[bool]:
        """For each phrase (start, end) inside `sentence`, whether a cue negates it."""
        lo = max(sentence[0], min(start for start, _ in phrases) - REACH)
        hi = min(sentence[1], max(end for _, end in phrases) + REACH)
        blocked = _Mask(lo, hi, [*phrases, *spans(self._pseudo, text, lo, hi)])
        after = [_Cues(g.window, blocked.keep(spans(g.pattern, text, lo, hi))) for g in self._after]
        for cues in after:
            blocked.add(cues.spans)
        before = [
            _Cues(g.window, blocked.keep(spans(g.pattern, text, lo, hi))) for g in self._before
        ]
        scope = _Scope(text, [start for start, _ in spans(self._terminators, text, lo, hi)])
        return [
            any(scope.reaches(cues.nearest_before(start), start, cues.window) for cues in before)
            or any(scope.reaches(end, cues.nearest_after(end), cues.window) for cues in after)
            for start, end in phrases
        ]


class _Mask:
    """Character positions that no cue may touch: crisis phrases, pseudo-negations."""

    def __init__(self, lo: int, hi: int, blocked: list[tuple[int, int]]) -> None:
        self._lo = lo
        self._mask = bytearray(hi - lo)
        self.add(blocked)

    def add(self, blocked: list[tuple[int, int]]) -> None:
        for start, end in blocked:
            a, b = max(start - self._lo, 0), max(end - self._lo, 0)
            self._mask[a:b] = b"\x01" * len(self._mask[a:b])

    def keep(self, cues: list[tuple[int, int]]) -> list[tuple[int, int]]:
        return [(s, e) for s, e in cues if not any(self._mask[s - self._lo : e - self._lo])]


class _Cues:
    """One cue group's matches in a sentence, in order (they never overlap)."""

    def __init__(self, window: int, cue_spans: list[tuple[int, int]]) -> None:
        self.window = window
        self.spans = cue_spans
        self._starts = [start for start, _ in cue_spans]
        self._ends = [end for _, end in cue_spans]

    def nearest_before(self, position: int) -> int | None:
        """End of the last cue that ends at or before `position`."""
        i = bisect_right(self._ends, position) - 1
        return self._ends[i] if i >= 0 else None

    def nearest_after(self, position: int) -> int | None:
        """Start of the first cue that starts at or after `position`."""
        i = bisect_left(self._starts, position)
        return self._starts[i] if i < len(self._starts) else None


class _Scope:
    def __init__(self, text: str, terminators: list[int]) -> None:
        self._text = text
        self._terminators = terminators

    def reaches(self, frm: int | None, to: int | None, window: int) -> bool:
        """No terminator and at most `window` words between positions frm and to."""
        if frm is None or to is None or to - frm > REACH:
            return False
        i = bisect_left(self._terminators, frm)
        if i < len(self._terminators) and self._terminators[i] < to:
            return False
        return len(_WORD.findall(self._text, frm, to)) <= window
