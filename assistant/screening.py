"""A question asked for an explanation, screened before it is answered.

Questions are not stored, so identifiers in one are only taken out before searching (and the
clinician is told, by type); crisis language brings the safety card alongside the answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.privacy import redact
from assistant.safety import SafetyCard, SafetyGuard

PHI_NOTICE = (
    "Your question seemed to hold identifiers ({summary}); they were left out before "
    "searching. CueMap does not store questions, but keep identifiers out of them."
)


@dataclass(frozen=True)
class ScreenedQuestion:
    text: str  # identifiers replaced by placeholders: what is searched and shown back
    redacted: str  # what was taken out, by type ("1 name"); empty when nothing was
    card: SafetyCard | None  # crisis language: show this with the answer

    @property
    def phi_notice(self) -> str | None:
        return PHI_NOTICE.format(summary=self.redacted) if self.redacted else None


def screen_question(guard: SafetyGuard, question: str) -> ScreenedQuestion:
    redaction = redact(question)
    return ScreenedQuestion(
        redaction.text, redaction.summary(), guard.card(guard.check(question), subject="question")
    )
