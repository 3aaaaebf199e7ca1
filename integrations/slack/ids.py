"""Action and callback ids the blocks carry and the listeners match, and their button values.

A button's value is compact JSON: interview buttons carry the session id and question id
(and episode) so a click is checked against the session it was made for, never against
whatever the clinician happens to be doing now.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

FEEDBACK = "answer_feedback"  # answer_feedback_up / answer_feedback_down
SHARE = "answer_share"

PICK = "iv_pick"  # iv_pick_0, iv_pick_1, ...: one per quick-pick option
TYPE_ANSWER = "iv_type"
BACK = "iv_back"
SKIP = "iv_skip"
WHY = "iv_why"
PAUSE = "iv_pause"
FINISH = "iv_finish"
ADD_EPISODE = "iv_add_episode"
RESUME = "iv_resume"
EXPORT = "iv_export"  # iv_export_markdown, iv_export_fhir, iv_export_json
DELETE = "iv_delete"
SAFETY_OK = "iv_safety_ok"  # the safety card confirmed: the interview goes on
USE_REDACTED = "iv_use_redacted"  # an answer holding identifiers: store the redacted version
REPHRASE = "iv_rephrase"  # ... or say it again without them
START_REDACTED = "iv_start_redacted"  # a label holding identifiers: start under the redacted one

CUES_KEEP = "iv_cues_keep"  # the episode's cues as found: confirmed
CUES_EDIT = "iv_cues_edit"  # ... or edited in a modal first
CUES_MODAL = "iv_cues_modal"
CUES_BLOCK = "cues"
CUES_INPUT = "cues_text"

FREE_TEXT_MODAL = "iv_free_text_modal"
FREE_TEXT_BLOCK = "answer"
FREE_TEXT_INPUT = "answer_text"


def matching(prefix: str) -> re.Pattern[str]:
    """Matches `prefix` and its numbered or named variants (`iv_pick_3`, `iv_export_fhir`)."""
    return re.compile(rf"^{re.escape(prefix)}(_\w+)?$")


def encode(value: dict[str, Any]) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def decode(value: str | None) -> dict[str, Any]:
    try:
        decoded = json.loads(value or "{}")
    except json.JSONDecodeError:
        return {}
    return decoded if isinstance(decoded, dict) else {}


@dataclass(frozen=True)
class QuestionRef:
    """What an interview button was made for."""

    session_id: str
    question_id: str = ""
    episode: int | None = None

    def value(self, **extra: Any) -> str:
        return encode({"s": self.session_id, "q": self.question_id, "e": self.episode, **extra})

    @classmethod
    def parse(cls, value: str | None) -> tuple[QuestionRef, dict[str, Any]]:
        data = decode(value)
        episode = data.pop("e", None)
        if not isinstance(episode, int) or isinstance(episode, bool):
            episode = None  # a value of the wrong type is no episode at all
        ref = cls(str(data.pop("s", "")), str(data.pop("q", "") or ""), episode)
        return ref, data
