"""What the interview checks in free text before it is stored: identifiers and crisis language.

- Identifiers (PHI) are never stored. A text holding any is refused with its redacted version
  (PhiFoundError) so the surface can ask the clinician to rephrase or accept it; with
  `phi="redact"` the redacted text is stored (the clinician accepted it, or a script runs).
- Crisis language in an answer becomes a SafetyFlag per kind on the answer's slot (never the
  text), with the most urgent status it was found with (current, hypothetical, historical,
  about someone else). Until the clinician confirms the safety card, the interview does not go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from assistant.errors import PhiFoundError
from assistant.interview.models import SafetyFlag, Slot
from assistant.safety.models import Kind, SafetyHit, Status, most_urgent

if TYPE_CHECKING:  # the guard loads with the first answer checked, not to list sessions
    from assistant.safety import SafetyCard, SafetyGuard

PhiPolicy = Literal["refuse", "redact"]
CONFIRM_FIRST = (
    "This interview is waiting for the safety card to be confirmed: follow your local risk "
    "protocol, then confirm the card to go on."
)


def private_text(text: str, policy: PhiPolicy, what: str = "This answer") -> str:
    """`text` when it holds no identifiers; else the redacted text, or PhiFoundError."""
    from assistant.privacy import redact  # its name lists: with the first text checked

    redaction = redact(text)
    if not redaction.changed:
        return text
    if policy == "redact":
        return redaction.text
    summary = redaction.summary()
    raise PhiFoundError(
        f"{what} seems to hold identifiers ({summary}). Rephrase it without them, or use the "
        "redacted version.",
        redacted=redaction.text,
        summary=summary,
    )


class SafetyCheck:
    """Crisis language in answers, as flags to store and the card still to confirm."""

    def __init__(self, guard: SafetyGuard | Callable[[], SafetyGuard] | None) -> None:
        self._guard = guard  # a loader: read on the first check (listing sessions needs none)

    @property
    def guard(self) -> SafetyGuard | None:
        if self._guard is None:
            return None
        from assistant.safety.guard import SafetyGuard

        if not isinstance(self._guard, SafetyGuard):
            self._guard = self._guard()
        return self._guard

    def flags(self, text: str, slot: Slot, at: datetime) -> list[SafetyFlag]:
        if self.guard is None:
            return []
        found: dict[Kind, list[Status]] = {}
        for hit in self.guard.check(text):
            found.setdefault(hit.kind, []).append(hit.status)
        return [
            SafetyFlag(kind, slot, at, status=most_urgent(statuses))
            for kind, statuses in found.items()
        ]

    def card(self, flags: Iterable[SafetyFlag]) -> SafetyCard | None:
        """The card for the flags not yet confirmed (None when there are none: then the guard,
        its wording and its model, is not loaded)."""
        pending = [SafetyHit(f.kind, 0, 0, f.status) for f in flags if f.confirmed_at is None]
        if not pending or self.guard is None:
            return None
        return self.guard.card(pending)


def pending(flags: Iterable[SafetyFlag]) -> bool:
    return any(flag.confirmed_at is None for flag in flags)
