"""Why we ask: the question's rationale, cited from the sources."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from integrations.slack import ids
from integrations.slack.error_handler import reported
from integrations.slack.interview_flow import from_action
from integrations.slack.listeners.acks import ack_now


@reported
def explain_why(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    interview, ref, _ = from_action(body, client, context)
    interview.why(ref)


def register(app: App) -> None:
    app.action(ids.WHY)(ack=ack_now, lazy=[explain_why])
