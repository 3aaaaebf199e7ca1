"""Resume (App Home or /cuemap list): the current question, posted again in its thread."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from integrations.slack import ids
from integrations.slack.error_handler import reported
from integrations.slack.interview_flow import from_action
from integrations.slack.listeners.acks import ack_now


@reported
def resume_interview(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    interview, ref, _ = from_action(body, client, context)
    interview.resume(ref.session_id)


def register(app: App) -> None:
    app.action(ids.matching(ids.RESUME))(ack=ack_now, lazy=[resume_interview])
