"""Skip: leave the current question unanswered and move on."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from integrations.slack import ids
from integrations.slack.error_handler import reported
from integrations.slack.interview_flow import clicked_in, from_action
from integrations.slack.listeners.acks import ack_now


@reported
def skip_question(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    interview, ref, _ = from_action(body, client, context)
    interview.skip(ref, clicked_in(body))


def register(app: App) -> None:
    app.action(ids.SKIP)(ack=ack_now, lazy=[skip_question])
