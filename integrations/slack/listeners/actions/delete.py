"""Erase a session for good (the button asks for confirmation first)."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext, Respond
from slack_sdk import WebClient

from integrations.slack import ids
from integrations.slack.error_handler import reported
from integrations.slack.interview_flow import from_action
from integrations.slack.listeners.acks import ack_now

ERASED = (
    "Erased from CueMap. Messages already posted in your DM stay in Slack; delete them there "
    "if your policy requires it."
)


@reported
def erase_session(
    body: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond
) -> None:
    interview, ref, _ = from_action(body, client, context)
    interview.delete(ref.session_id)
    respond(text=ERASED, response_type="ephemeral", replace_original=True)


def register(app: App) -> None:
    app.action(ids.matching(ids.DELETE))(ack=ack_now, lazy=[erase_session])
