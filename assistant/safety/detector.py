"""Crisis-language detection: phrases from the lexicon, then ConText for their status.

The phrases (C-SSRS items, warning signs, overdose and self-harm terms, slang) are regular
expressions from `prompts/safety.yaml`; a phrase inside a look-alike ("50mg OD", "this drinking
is killing me") is dropped; ConText (`context.py`) then drops negated phrases and gives each
other phrase its status: current, historical, hypothetical or about someone else.

With an embedding model, a sentence holding no phrase and no look-alike is also read for its
meaning (`semantic.py`): "hoping I just won't wake up" lists no phrase. Its status is what
ConText says of the sentence's last word (a history, a hypothetical or someone else reach it);
a negation does not clear it, since the examples it was matched against carry their own.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from assistant.safety.config import SafetyConfig
from assistant.safety.context import ContextPipeline, Target
from assistant.safety.models import KINDS, Kind, SafetyHit
from assistant.safety.semantic import SemanticScreen
from assistant.safety.spelling import Speller, vocabulary
from assistant.safety.text import normalise

if TYPE_CHECKING:
    from assistant.retrieval.embedder import Embedder

LAST_WORD = re.compile(r"[\w']+(?=\W*$)")


def union(patterns: list[str]) -> re.Pattern[str] | None:
    """One alternation of the patterns, case-insensitive; None for none."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


class CrisisDetector:
    def __init__(self, config: SafetyConfig, embedder: Embedder | None = None) -> None:
        self._kinds: list[tuple[Kind, re.Pattern[str]]] = []
        for kind in KINDS:
            pattern = union(getattr(config.lexicon, kind).patterns)
            assert pattern is not None  # the config requires at least one pattern per kind
            self._kinds.append((kind, pattern))
        self._lookalikes = union(config.lookalikes)
        self._context = ContextPipeline(config.context)
        patterns = [p for kind in KINDS for p in getattr(config.lexicon, kind).patterns]
        examples = (
            [e for group in config.semantic.examples.values() for e in group]
            if config.semantic
            else []
        )
        self._speller = Speller(vocabulary(patterns, examples))
        self._semantic = (
            SemanticScreen(config.semantic, embedder)
            if config.semantic is not None and embedder is not None
            else None
        )

    def warm_up(self) -> None:
        """Load the NLP pipeline now rather than on the first check."""
        self._context.warm_up()

    def check(self, text: str) -> list[SafetyHit]:
        """Every crisis phrase that is not negated, with its status, in text order (spans in
        the text as normalised and spelling-corrected).

        Never logs the text."""
        norm = self._speller.fix(normalise(text))  # "suicde", "kil myself": as meant
        lookalikes = (
            [m.span() for m in self._lookalikes.finditer(norm) if m.end() > m.start()]
            if self._lookalikes is not None
            else []
        )
        phrases = self._phrases(norm, lookalikes)
        meant = self._by_meaning(norm, [*lookalikes, *((p.start, p.end) for p in phrases)])
        if not phrases and not meant:
            return []
        statuses = self._context.statuses(norm, sorted([*phrases, *meant], key=_order))
        hits = []
        for target, status in zip(sorted([*phrases, *meant], key=_order), statuses, strict=True):
            if target in meant:
                status = status or "current"
            if status is not None:
                hits.append(SafetyHit(target.kind, target.start, target.end, status))  # type: ignore[arg-type]
        return hits

    def _by_meaning(self, text: str, taken: list[tuple[int, int]]) -> list[Target]:
        """Sentences read as crisis statements, each as its last word (for ConText's scope)."""
        if self._semantic is None:
            return []
        spans = sorted(taken)
        targets = []
        for statement in self._semantic.statements(text):
            if _overlaps_any(spans, statement.start, statement.end):
                continue
            last = LAST_WORD.search(text, statement.start, statement.end)
            if last is not None:
                targets.append(Target(last.start(), last.end(), statement.kind))
        return targets

    def _phrases(self, text: str, lookalikes: list[tuple[int, int]]) -> list[Target]:
        found = {
            Target(m.start(), m.end(), kind)
            for kind, pattern in self._kinds
            for m in pattern.finditer(text)
            if m.end() > m.start() and not _overlaps_any(lookalikes, m.start(), m.end())
        }
        return sorted(found, key=_order)


def _order(target: Target) -> tuple[int, int, int]:
    return (target.start, target.end, KINDS.index(target.kind))  # type: ignore[arg-type]


def _overlaps_any(sorted_spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_left(sorted_spans, (start, start))
    return any(s < end and start < e for s, e in sorted_spans[max(i - 1, 0) : i + 1])
