"""The guided cue-mapping interview: template, sessions, cue extraction, the cue map, exports.

Core only: nothing here knows about Slack or the terminal. Surfaces call `InterviewService`.
"""

from typing import TYPE_CHECKING

from assistant.answers.models import Answer
from assistant.errors import (
    InvalidAnswerError,
    NotYourSessionError,
    SessionNotFoundError,
    TemplateError,
)
from assistant.interview.models import (
    Cue,
    CueMap,
    Export,
    Owner,
    PlanEntry,
    QuestionView,
    SequenceStage,
    SessionSummary,
    SessionView,
)

if TYPE_CHECKING:
    from assistant.interview.service import InterviewService


def __getattr__(name: str) -> object:
    """`InterviewService` is imported on first use: its store needs SQLAlchemy (~0.2 s), which
    a command that only reads the models (or prints `--help`) should not pay for."""
    if name == "InterviewService":
        from assistant.interview.service import InterviewService

        return InterviewService
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Answer",
    "Cue",
    "CueMap",
    "Export",
    "InterviewService",
    "InvalidAnswerError",
    "NotYourSessionError",
    "Owner",
    "PlanEntry",
    "QuestionView",
    "SequenceStage",
    "SessionNotFoundError",
    "SessionSummary",
    "SessionView",
    "TemplateError",
]
