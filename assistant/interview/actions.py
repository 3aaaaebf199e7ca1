"""What the patient did next, read as drug-seeking, coping or neither, from what the answer says.

Placed by content, not by question: "called his sister and went for a walk" is coping (it feeds
"What has helped"), "went to the cash machine" is drug-seeking (a link of the chain). Phrases
come from the cue lexicon's `actions`; the longest wins ("deleted the dealer's number" over
"dealer"); a negated seeking step ("didn't text the dealer") is coping, a negated coping step
counts for nothing. When the answer says both, the Use answer decides (seeking if they used,
coping if they did not); an answer that says neither is neutral.
"""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from assistant.interview.lexicon import Lexicon, Matcher, PhraseSet, normalise

Action = Literal["seeking", "coping", "neutral"]
DID_NOT_USE = "did not use"


class ActionReader:
    def __init__(self, lexicon: Lexicon) -> None:
        self._matcher = Matcher(lexicon)
        self._lexicon = lexicon

    @cached_property
    def _rules(self) -> list[tuple[PhraseSet, str]]:
        """Compiled as answers are read, not when a process starts."""
        actions = self._lexicon.actions
        return [(PhraseSet(actions.seeking), "seeking"), (PhraseSet(actions.coping), "coping")]

    def read(self, text: str, used: str | None = None) -> Action:
        lowered = normalise(text)
        found = sorted(
            (
                (m.start(), m.end(), kind)
                for phrases, kind in self._rules
                for m in phrases.finditer(lowered)
            ),
            key=lambda f: (f[0] - f[1], f[0]),
        )
        kept: list[tuple[int, int, str]] = []
        for start, end, kind in found:
            if all(end <= k[0] or start >= k[1] for k in kept):
                kept.append((start, end, kind))
        negated = self._matcher.negated_spans(lowered)
        seeking = coping = False
        for start, _, kind in kept:
            is_negated = any(a < start < b for a, b in negated)
            if kind == "seeking":
                seeking |= not is_negated
                coping |= is_negated
            else:
                coping |= not is_negated
        if seeking != coping:
            return "seeking" if seeking else "coping"
        if not seeking or used is None:  # it says neither, or both and the Use answer is missing
            return "neutral"
        return "coping" if used == DID_NOT_USE else "seeking"
