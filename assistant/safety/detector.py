"""Crisis-language detection: phrases from the lexicon, then ConText for their status.

The phrases (C-SSRS items, warning signs, overdose and self-harm terms, slang) are regular
expressions from `prompts/safety.yaml`; a phrase inside a look-alike ("50mg OD", "this drinking
is killing me") is dropped; ConText (`context.py`) then drops negated phrases and gives each
other phrase its status: current, historical, hypothetical or about someone else.

With an embedding model, a sentence holding no phrase and no look-alike is also read for its
meaning (`semantic.py`): "hoping I just won't wake up" lists no phrase. Its status is what
ConText says of the sentence's last word (a history, a hypothetical or someone else reach it);
a negation does not clear it, since the examples it was matched against carry their own, but a
film, the news or a lesson does.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.safety.case_bank import CaseBank
from assistant.safety.config import SafetyConfig
from assistant.safety.context import ContextPipeline, Target
from assistant.safety.models import KINDS, Kind, SafetyHit
from assistant.safety.semantic import SemanticScreen
from assistant.safety.spelling import Speller, apply, not_a_word, vocabulary
from assistant.safety.text import normalise

if TYPE_CHECKING:
    from assistant.retrieval.embedder import Embedder

LAST_WORD = re.compile(r"[\w']+(?=\W*$)")


@dataclass(frozen=True)
class Compiled:
    kinds: list[tuple[Kind, re.Pattern[str]]]
    lookalikes: re.Pattern[str] | None
    speller: Speller


def union(patterns: list[str]) -> re.Pattern[str] | None:
    """One alternation of the patterns, case-insensitive; None for none."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


class CrisisDetector:
    """The phrase patterns (each already checked by the config) are joined and compiled, and the
    speller's vocabulary made, on the first check, not at start: 45 ms off a Slack worker's
    first acknowledgement."""

    def __init__(
        self,
        config: SafetyConfig,
        embedder: Embedder | None = None,
        bank: CaseBank | Path | None = None,
    ) -> None:
        """`bank`: past cases the meaning screen reads beside its examples (case_bank.py)."""
        self._config = config
        self._compiled: Compiled | None = None
        self._compiling = threading.Lock()
        self._context = ContextPipeline(config.context)
        self._semantic = (
            SemanticScreen(config.semantic, embedder, bank)
            if config.semantic is not None and embedder is not None
            else None
        )

    def warm_up(self) -> None:
        """Compile the phrases and load the NLP pipeline now rather than on the first check."""
        self._patterns()
        self._context.warm_up()

    def check(self, text: str) -> list[SafetyHit]:
        """Every crisis phrase that is not negated, with its status, in text order (spans in
        the text as normalised and spelling-corrected).

        Never logs the text."""
        compiled = self._patterns()
        norm = self.as_read(text)
        lookalikes = _lookalikes(compiled, norm)
        phrases = _phrases(compiled.kinds, norm, lookalikes)
        meant = self._by_meaning(norm, [*lookalikes, *((p.start, p.end) for p in phrases)])
        if not phrases and not meant:
            return []
        targets = sorted([*phrases, *meant], key=_order)
        statuses = self._context.statuses(norm, targets)
        hits = []
        for target, status in zip(targets, statuses, strict=True):
            if status == "negated" and target in meant:
                status = "current"  # the examples it was matched against carry their own
            if status not in ("negated", "topic"):
                hits.append(SafetyHit(target.kind, target.start, target.end, status))  # type: ignore[arg-type]
        return hits

    def as_read(self, text: str) -> str:
        """`text` as the phrases and the meaning screen read it: normalised, misspelt crisis
        words read as meant ("suicde", "kil myself"). A hit's span is a span of this text."""
        return self._as_meant(self._patterns(), normalise(text))

    def _patterns(self) -> Compiled:
        with self._compiling:
            if self._compiled is None:
                config = self._config
                kinds: list[tuple[Kind, re.Pattern[str]]] = []
                for kind in KINDS:
                    pattern = union(getattr(config.lexicon, kind).patterns)
                    assert pattern is not None  # the config requires a pattern for every kind
                    kinds.append((kind, pattern))
                patterns = [p for kind in KINDS for p in getattr(config.lexicon, kind).patterns]
                examples = (
                    [e for group in config.semantic.examples.values() for e in group]
                    if config.semantic
                    else []
                )
                speller = Speller(vocabulary(patterns, examples))
                self._compiled = Compiled(kinds, union(config.lookalikes), speller)
            return self._compiled

    @staticmethod
    def _as_meant(compiled: Compiled, text: str) -> str:
        """The text with its misspellings corrected where they complete a crisis phrase ("kil
        myslef") or are no English word at all ("tablits"); a rare word English has a use for
        stays as typed for the model that reads meaning ("skint till payday": as "skin" it came
        close to a self-harm example)."""
        corrections = compiled.speller.corrections(text)
        if not corrections:
            return text
        fixed = apply(text, corrections)
        phrases = _phrases(compiled.kinds, fixed, _lookalikes(compiled, fixed))
        kept, shift = [], 0
        for c in corrections:
            start = c.start + shift  # where the correction sits in `fixed`
            shift += len(c.meant) - (c.end - c.start)
            if any(p.start <= start < p.end for p in phrases) or not_a_word(text[c.start : c.end]):
                kept.append(c)
        return apply(text, kept)

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


def _lookalikes(compiled: Compiled, text: str) -> list[tuple[int, int]]:
    if compiled.lookalikes is None:
        return []
    return [m.span() for m in compiled.lookalikes.finditer(text) if m.end() > m.start()]


def _phrases(
    kinds: list[tuple[Kind, re.Pattern[str]]], text: str, lookalikes: list[tuple[int, int]]
) -> list[Target]:
    found = {
        Target(m.start(), m.end(), kind)
        for kind, pattern in kinds
        for m in pattern.finditer(text)
        if m.end() > m.start() and not _overlaps_any(lookalikes, m.start(), m.end())
    }
    return sorted(found, key=_order)


def _order(target: Target) -> tuple[int, int, int]:
    return (target.start, target.end, KINDS.index(target.kind))  # type: ignore[arg-type]


def _overlaps_any(sorted_spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_left(sorted_spans, (start, start))
    return any(s < end and start < e for s, e in sorted_spans[max(i - 1, 0) : i + 1])
