"""Crisis-language detection: phrases from the lexicon, then ConText for their status.

The phrases (C-SSRS items, warning signs, overdose and self-harm terms, slang) are regular
expressions from `prompts/safety.yaml`; a phrase inside a look-alike ("50mg OD", "this drinking
is killing me") is dropped; ConText (`context.py`) then drops negated phrases and gives each
other phrase its status: current, historical, hypothetical or about someone else.
"""

from __future__ import annotations

import re
import threading
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
    """The phrase patterns (each already checked by the config) are joined and compiled on the
    first check, not at start: 45 ms off a Slack worker's first acknowledgement."""

    def __init__(self, config: SafetyConfig) -> None:
        self._config = config
        self._compiled: tuple[list[tuple[Kind, re.Pattern[str]]], re.Pattern[str] | None] | None
        self._compiled = None
        self._compiling = threading.Lock()
        self._context = ContextPipeline(config.context)

    def warm_up(self) -> None:
        """Compile the phrases and load the NLP pipeline now rather than on the first check."""
        self._patterns()
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

    def _patterns(self) -> tuple[list[tuple[Kind, re.Pattern[str]]], re.Pattern[str] | None]:
        with self._compiling:
            if self._compiled is None:
                kinds: list[tuple[Kind, re.Pattern[str]]] = []
                for kind in KINDS:
                    pattern = union(getattr(self._config.lexicon, kind).patterns)
                    assert pattern is not None  # the config requires a pattern for every kind
                    kinds.append((kind, pattern))
                self._compiled = kinds, union(self._config.lookalikes)
            return self._compiled

    def _phrases(self, text: str) -> list[Target]:
        kinds, lookalike = self._patterns()
        lookalikes = (
            [m.span() for m in lookalike.finditer(text) if m.end() > m.start()]
            if lookalike is not None
            else []
        )
        found = {
            Target(m.start(), m.end(), kind)
            for kind, pattern in kinds
            for m in pattern.finditer(text)
            if m.end() > m.start() and not _overlaps_any(lookalikes, m.start(), m.end())
        }
        return sorted(found, key=lambda t: (t.start, t.end, KINDS.index(t.kind)))  # type: ignore[arg-type]


def _overlaps_any(sorted_spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_left(sorted_spans, (start, start))
    return any(s < end and start < e for s, e in sorted_spans[max(i - 1, 0) : i + 1])
