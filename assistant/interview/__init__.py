"""The guided cue-mapping interview: template, sessions, cue extraction, the cue map, exports.

Core only: nothing here knows about Slack or the terminal. Surfaces call `InterviewService`.
"""

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
from assistant.interview.service import InterviewService

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
