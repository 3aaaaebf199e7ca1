"""The App Home tab: what CueMap is and is not, the clinician's open interviews, PHI reminder."""

from __future__ import annotations

from slack_sdk.models.blocks import Block, DividerBlock, SectionBlock
from slack_sdk.models.views import View

from assistant.interview.models import SessionSummary
from integrations.slack.blocks.interview import PHI_REMINDER, resume_button
from integrations.slack.blocks.text import context, header, mrkdwn, sections
from integrations.slack.escape import escape_mrkdwn

SHOWN_SESSIONS = 20  # 2 blocks each keeps the tab far below Slack's 100

WHAT_IT_DOES = (
    "*What CueMap does*\n"
    "• Walks you through the _what happens before craving_ cue-mapping interview and builds "
    "a cue map: cues on the relapse sequence, a coping plan, exports as a note and as FHIR.\n"
    "• Answers neuroscience questions from its library of sources, citing thread, author, "
    "date and post for every statement, and says so when the sources do not cover a question."
)
WHAT_IT_IS_NOT = (
    "*What CueMap is not*\n"
    "Clinical decision support for licensed clinicians. It is not for patients, not for "
    "emergencies, and not a substitute for clinical judgement."
)
HOW_TO = (
    "Ask with `/explain your question` or in a message to CueMap. "
    "Start an interview with `/cuemap start Pt-A`; `/cuemap help` lists the rest."
)


def home_view(sessions: list[SessionSummary]) -> dict:
    blocks: list[Block] = [
        header("CueMap"),
        *sections(WHAT_IT_DOES),
        *sections(WHAT_IT_IS_NOT),
        context(HOW_TO),
        DividerBlock(),
        *sections("*Your open interviews*"),
        *_sessions(sessions),
        DividerBlock(),
        context(PHI_REMINDER),
    ]
    return View(type="home", blocks=blocks).to_dict()


def _sessions(sessions: list[SessionSummary]) -> list[Block]:
    if not sessions:
        return [context("None open. Start one with `/cuemap start Pt-A` (a pseudonymous label).")]
    blocks: list[Block] = [_session_row(s, n) for n, s in enumerate(sessions[:SHOWN_SESSIONS])]
    if len(sessions) > SHOWN_SESSIONS:
        more = len(sessions) - SHOWN_SESSIONS
        blocks.append(context(f"And {more} more: `/cuemap list` shows them all."))
    return blocks


def _session_row(session: SessionSummary, row: int) -> Block:
    text = (
        f"*{escape_mrkdwn(session.label)}* · {session.answered} of {session.total} answered · "
        f"updated {session.updated_at:%d %b %Y %H:%M} UTC"
    )
    return SectionBlock(text=mrkdwn(text), accessory=resume_button(session.session_id, row))
