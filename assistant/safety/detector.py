"""Crisis-language detection: phrases from the lexicon, then ConText for their status.

The phrases (C-SSRS items, warning signs, overdose and self-harm terms, slang) are regular
expressions from `prompts/safety.yaml`; a phrase inside a look-alike ("50mg OD", "this drinking
is killing me") is dropped; ConText (`context.py`) then drops negated phrases and gives each
other phrase its status: current, historical, hypothetical or about someone else.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from assistant.safety.config import SafetyConfig
from assistant.safety.context import ContextPipeline, Target
from assistant.safety.models import KINDS, Kind, SafetyHit
from assistant.safety.text import normalise


def union(patterns: list[str]) -> re.Pattern[str] | None:
    """One alternation of the patterns, case-insensitive; None for none."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


class CrisisDetector:
    def __init__(self, config: SafetyConfig) -> None:
        self._kinds: list[tuple[Kind, re.Pattern[str]]] = []
        for kind in KINDS:
            pattern = union(getattr(config.lexicon, kind).patterns)
            assert pattern is not None  # the config requires at least one pattern per kind
            self._kinds.append((kind, pattern))
        self._lookalikes = union(config.lookalikes)
        self._context = ContextPipeline(config.context)

    def warm_up(self) -> None:
        """Load the NLP pipeline now rather than on the first check."""
        self._context.warm_up()

    def check(self, text: str) -> list[SafetyHit]:
        """Every crisis phrase that is not negated, with its status, in text order.

        Never logs the text."""
        norm = normalise(text)
        phrases = self._phrases(norm)
        if not phrases:
            return []
        statuses = self._context.statuses(norm, phrases)
        return [
            SafetyHit(phrase.kind, phrase.start, phrase.end, status)  # type: ignore[arg-type]
            for phrase, status in zip(phrases, statuses, strict=True)
            if status is not None
        ]

    def _phrases(self, text: str) -> list[Target]:
        lookalikes = (
            [m.span() for m in self._lookalikes.finditer(text) if m.end() > m.start()]
            if self._lookalikes is not None
            else []
        )
        found = {
            Target(m.start(), m.end(), kind)
            for kind, pattern in self._kinds
            for m in pattern.finditer(text)
            if m.end() > m.start() and not _overlaps_any(lookalikes, m.start(), m.end())
        }
        return sorted(found, key=lambda t: (t.start, t.end, KINDS.index(t.kind)))  # type: ignore[arg-type]


def _overlaps_any(sorted_spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_left(sorted_spans, (start, start))
    return any(s < end and start < e for s, e in sorted_spans[max(i - 1, 0) : i + 1])
