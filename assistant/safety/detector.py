"""Crisis-language detection over free text, with negation handled per sentence."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import groupby

from assistant.safety.config import SafetyConfig
from assistant.safety.models import KINDS, Kind, SafetyHit
from assistant.safety.negation import NegationScope, spans, union
from assistant.safety.text import Sentences, normalise


class CrisisDetector:
    """Finds crisis phrases of each kind, drops idioms, then drops negated phrases."""

    def __init__(self, config: SafetyConfig) -> None:
        self._kinds: list[tuple[Kind, re.Pattern[str]]] = []
        for kind in KINDS:
            pattern = union(getattr(config.lexicon, kind).patterns)
            assert pattern is not None  # the config requires at least one pattern per kind
            self._kinds.append((kind, pattern))
        self._idioms = union(config.idioms)
        self._negation = NegationScope(config.negation)

    def check(self, text: str) -> list[SafetyHit]:
        """Every crisis phrase that is not negated, in text order. Never logs the text."""
        norm = normalise(text)
        phrases = self._phrases(norm)
        if not phrases:
            return []
        sentences = Sentences(norm)
        hits: list[SafetyHit] = []
        for bounds, group in groupby(phrases, key=lambda h: sentences.around(h.start, h.end)):
            in_sentence = list(group)
            negated = self._negation.negated(norm, bounds, [(h.start, h.end) for h in in_sentence])
            hits += [hit for hit, no in zip(in_sentence, negated, strict=True) if not no]
        return hits

    def _phrases(self, text: str) -> list[SafetyHit]:
        idioms = spans(self._idioms, text, 0, len(text))
        found = [
            SafetyHit(kind, m.start(), m.end())
            for kind, pattern in self._kinds
            for m in pattern.finditer(text)
            if m.end() > m.start() and not _overlaps_any(idioms, m.start(), m.end())
        ]
        return sorted(found, key=lambda hit: (hit.start, hit.end))


def _overlaps_any(sorted_spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_left(sorted_spans, (start, start))
    return any(s < end and start < e for s, e in sorted_spans[max(i - 1, 0) : i + 1])
