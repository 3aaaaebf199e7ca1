"""`/cuemap list` and `/cuemap export`: the clinician's sessions, with what can be done to each."""

from __future__ import annotations

from slack_sdk.models.blocks import Block

from assistant.interview.models import SessionSummary
from integrations.slack.blocks.answers import Message
from integrations.slack.blocks.interview import (
    PHI_REMINDER,
    delete_button,
    export_button,
    export_buttons,
    resume_button,
)
from integrations.slack.blocks.text import actions, context, sections, to_dicts
from integrations.slack.escape import escape_mrkdwn

LISTED = 20  # two blocks each: within Slack's 50 a message


def sessions_message(sessions: list[SessionSummary]) -> Message:
    if not sessions:
        return Message(text="No interviews yet. Start one with `/cuemap start Pt-A`.")
    blocks: list[Block] = [*sections(f"*Your interviews* ({len(sessions)})")]
    for row, session in enumerate(sessions[:LISTED]):
        blocks += sections(_describe(session))
        buttons = [resume_button(session.session_id, row)] if session.status == "open" else []
        buttons += [export_button(session.session_id, fmt, row) for fmt in ("markdown", "fhir")]
        blocks.append(actions(*buttons, delete_button(session, row)))
    if len(sessions) > LISTED:
        blocks.append(context(f"Showing the {LISTED} most recent."))
    blocks.append(context(PHI_REMINDER))
    return Message(text=f"Your interviews ({len(sessions)})", blocks=to_dicts(blocks))


def export_message(session: SessionSummary) -> Message:
    blocks = [
        *sections(f"Export *{escape_mrkdwn(session.label)}* as a file in your DM with CueMap:"),
        export_buttons(session.session_id),
    ]
    return Message(text=f"Export {session.label}", blocks=to_dicts(blocks))


def _describe(session: SessionSummary) -> str:
    return (
        f"*{escape_mrkdwn(session.label)}* · {session.status} · "
        f"{session.answered} of {session.total} answered · "
        f"updated {session.updated_at:%d %b %Y %H:%M}"
    )
